/**
 * Updates as Telegram would send them for what a user does: a message in private or in a group
 * (forum topics included), an edit, a document, an inline query, a button press. The messages are
 * numbered in their chat like Telegram does; pushing the update makes them known.
 */
import type { Message, MessageEntity, Update, User } from "grammy/types";
import { commandAndMentionEntities, nowSeconds, omit } from "./helpers.js";
import { withoutReply } from "./state.js";
import type { ChatLike, ChatState, MessageLike } from "./state.js";
import type { GroupTextOptions, MessageExtra, MessageRef, UpdateDraft } from "./types.js";

/** A text message from a user in the private chat with the bot. */
export function privateText(state: ChatState, userId: number, text: string, extra: MessageExtra = {}): UpdateDraft {
  const from = state.userFor(userId, extra.from);
  const chat: ChatLike = {
    id: userId,
    type: "private",
    first_name: from.first_name,
    ...(from.last_name ? { last_name: from.last_name } : {}),
    ...(from.username ? { username: from.username } : {}),
  };
  return { message: userMessage(state, chat, from, text, extra) as unknown as Update["message"] };
}

/** A text message from a user in a group or supergroup (forum topics via threadId + isForum). */
export function groupText(
  state: ChatState,
  chatId: number,
  userId: number,
  text: string,
  options: GroupTextOptions = {},
): UpdateDraft {
  if (options.isForum) state.forumChats.add(chatId);
  const isForum = state.forumChats.has(chatId);
  const known = state.chats.get(chatId);
  const chat: ChatLike = {
    id: chatId,
    type: options.type ?? (known?.type === "group" ? "group" : "supergroup"),
    title: options.title ?? known?.title ?? `Test group ${Math.abs(chatId)}`,
    ...(isForum ? { is_forum: true as const } : {}),
  };
  const from = state.userFor(userId, options.from);
  return {
    message: userMessage(state, chat, from, text, options, options.threadId) as unknown as Update["message"],
  };
}

/** An inline query from a user. */
export function inlineQuery(state: ChatState, userId: number, query: string, offset = "", chatType = "sender"): UpdateDraft {
  const id = state.openQuery("inline");
  return {
    inline_query: { id, from: state.userFor(userId), query, offset, chat_type: chatType },
  } as unknown as UpdateDraft;
}

/** A press on a callback button of `message` (its latest stored version is used when known). */
export function callbackQuery(state: ChatState, userId: number, data: string, message: MessageRef): UpdateDraft {
  const id = state.openQuery("callback");
  const stored = state.lookup(message.chat.id, message.message_id);
  return {
    callback_query: {
      id,
      from: state.userFor(userId),
      message: (stored ?? message) as unknown as Message,
      chat_instance: String(-(Math.abs(message.chat.id) * 7919 + 1_000_000_007)),
      data,
    },
  } as unknown as UpdateDraft;
}

/** The user edited one of their messages. */
export function editedMessage(
  state: ChatState,
  message: MessageRef,
  newText: string,
  extra: { entities?: MessageEntity[]; editDate?: number } = {},
): UpdateDraft {
  const stored = state.lookup(message.chat.id, message.message_id) ?? (message as unknown as MessageLike);
  const entities = extra.entities ?? commandAndMentionEntities(newText);
  const edited: MessageLike = {
    ...omit(stored, "entities"),
    text: newText,
    ...(entities.length > 0 ? { entities } : {}),
    edit_date: extra.editDate ?? nowSeconds(),
  };
  return { edited_message: edited as unknown as Update["edited_message"] };
}

/** A document (previously stored with putFile, else an empty one) sent by a user in private. */
export function privateDocument(
  state: ChatState,
  userId: number,
  fileId: string,
  extra: { caption?: string; from?: Partial<User> } = {},
): UpdateDraft {
  const file = state.fileById(fileId) ?? state.putFile(fileId, "");
  const draft = privateText(state, userId, "", { from: extra.from });
  const message = draft.message as unknown as MessageLike;
  delete message.text;
  delete message.entities;
  message.document = {
    file_id: file.file_id,
    file_unique_id: file.file_unique_id,
    file_name: file.file_name ?? file.file_path.split("/").pop(),
    mime_type: file.mime_type ?? "application/octet-stream",
    file_size: file.content.length,
  };
  if (extra.caption !== undefined) message.caption = extra.caption;
  return draft;
}

function userMessage(
  state: ChatState,
  chat: ChatLike,
  from: User,
  text: string,
  extra: MessageExtra,
  threadId?: number,
): MessageLike {
  const message_id = state.newMessageId(chat.id);
  let replied: MessageLike | undefined;
  if (extra.replyTo !== undefined) {
    const ref = typeof extra.replyTo === "number" ? { message_id: extra.replyTo, chat } : extra.replyTo;
    replied =
      state.lookup(ref.chat.id, ref.message_id) ??
      (typeof extra.replyTo === "number" ? undefined : (extra.replyTo as unknown as MessageLike));
    if (!replied) throw new Error(`BotApiStandIn: replyTo message ${ref.message_id} is unknown in chat ${ref.chat.id}`);
  }
  const isForum = chat.is_forum === true;
  const thread = threadId ?? (isForum ? replied?.message_thread_id : undefined);
  const entities = extra.entities ?? commandAndMentionEntities(text);
  return {
    message_id,
    from,
    chat,
    date: extra.date ?? nowSeconds(),
    ...(thread !== undefined ? { message_thread_id: thread, ...(isForum ? { is_topic_message: true } : {}) } : {}),
    ...(replied ? { reply_to_message: withoutReply(replied) } : {}),
    text,
    ...(entities.length > 0 ? { entities } : {}),
    ...extra.fields,
  };
}

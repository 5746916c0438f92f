import type { User } from "grammy/types";
import type { BotContext } from "./context.js";

/**
 * The one admin check (`composer.filter(isAdmin)`): the sender's numeric user id is in ADMIN_IDS.
 * Never a username, a chat or a forwarded sender, which anyone can choose or fake.
 */
export function isAdmin(ctx: BotContext): ctx is BotContext & { from: User } {
  return ctx.from !== undefined && ctx.deps.adminIds.has(ctx.from.id);
}

import { afterEach, describe, expect, it } from "vitest";
import { t } from "../../src/i18n/i18n.js";
import { LEVEL, button, resultMessage, shownText, startBot, stopAll } from "./harness.js";

const USER = 4101;
const OTHER = 4102;
const ADMIN = 4103;

afterEach(stopAll);

// The same bot as in polling mode, behind the webhook server (grammY's webhookCallback): Telegram
// posts each update and reads the HTTP status to decide whether to deliver it again.
describe("the bot in webhook mode", () => {
  it("logs a feature's failure through the error boundary and answers 200, so Telegram does not deliver the update again; the next one is served", async () => {
    const h = await startBot({ webhook: {} });
    h.api.failWhen((method, params) => method === "sendMessage" && params.chat_id === USER, { kind: "400", description: "Bad Request: chat not found" }, 1);
    const failed = await h.webhook!.post(h.api.privateText(USER, "Ханой"));
    expect(failed.status).toBe(200);
    expect(h.logs.withMessage("Telegram refused a request")).toEqual([expect.objectContaining({ level: LEVEL.warn, method: "sendMessage", error_code: 400 })]);
    expect(h.logs.withMessage("webhook update handler failed")).toEqual([]);

    const next = await h.send(h.api.privateText(OTHER, "Минск"));
    expect(next.status).toBe(200);
    expect(shownText(next)).toMatch(/Минск/);
  });

  it("pages an answer with its More button, and answers a button it cannot read with the 'ask again' toast", async () => {
    const h = await startBot({ webhook: {} });
    const answer = await h.send(h.api.privateText(USER, "Ханой"));
    const more = button(answer, t("ru", "button-more"));
    expect(more.callback_data).toMatch(/^pg:[a-z0-9]+:\d+$/);
    const sent = resultMessage(answer);
    const page = await h.send(h.api.callbackQuery(USER, more.callback_data, sent), "editMessageText");
    expect(page.status).toBe(200);

    const toast = await h.send(h.api.callbackQuery(USER, "pg:zz", sent), "answerCallbackQuery");
    expect(toast.params.text).toBe(t("ru", "expired"));
  });

  it("hands /ingest's draft buttons, in the one callback format, to the ingest feature, and to no one but an admin", async () => {
    const h = await startBot({ webhook: {}, ingest: true, adminIds: [ADMIN] });
    const article = "title: Москва и Минск\npublisher: ТАСС\npublished: 2025-10-30\n\nМосква и Минск подписали соглашение о сотрудничестве в сфере образования 30 октября 2025 года.";
    const draft = await h.send(h.api.privateText(ADMIN, `/ingest ${article}`));
    const cancel = button(draft, t("ru", "ingest-cancel"));
    expect(cancel.callback_data).toMatch(/^ig:[a-z0-9]+:c$/);
    const sent = resultMessage(draft);

    const stranger = await h.send(h.api.callbackQuery(OTHER, cancel.callback_data, sent), "answerCallbackQuery");
    expect(stranger.params.text).toBe(t("ru", "expired"));
    expect(await h.deps.ingest!.drafts.byMessage(ADMIN, sent.message_id)).toBeDefined();

    const cancelled = await h.send(h.api.callbackQuery(ADMIN, cancel.callback_data, sent), "answerCallbackQuery");
    expect(cancelled.params.text).toBe("Черновик удалён.");
    expect(await h.deps.ingest!.drafts.byMessage(ADMIN, sent.message_id)).toBeUndefined();
  });
});

/** The methods the stand-in answers, by name; Telegram matches method names case-insensitively. */
import type { MethodHandler } from "./types.js";

export class MethodRegistry {
  private readonly handlers = new Map<string, { name: string; fn: MethodHandler }>();

  /** Implements (or replaces) a method; `name` becomes its canonical spelling. */
  set(name: string, fn: MethodHandler): void {
    this.handlers.set(name.toLowerCase(), { name, fn });
  }

  get(method: string): MethodHandler | undefined {
    return this.handlers.get(method.toLowerCase())?.fn;
  }

  /** The registered spelling of a method ("sendMessage" for "sendmessage"); unknown names as given. */
  canonical(method: string): string {
    return this.handlers.get(method.toLowerCase())?.name ?? method;
  }
}

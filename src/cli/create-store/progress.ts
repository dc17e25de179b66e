import pc from "picocolors";

/** How create-store shows its work: a spinner per step on a terminal, one line per step otherwise. */
export interface Progress {
  /** Runs one step, showing it while it runs and how long it took. `done` turns the result into the finished line. */
  step<T>(title: string, work: () => Promise<T>, done?: (result: T) => string): Promise<T>;
  /** A step that did not run, and why. */
  skip(title: string, why: string): void;
  warn(message: string): void;
  info(message: string): void;
}

export function seconds(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

const FRAMES = ["◒", "◐", "◓", "◑"];

/**
 * On a terminal, a spinner per step drawn in the style of the @clack/prompts
 * questions before it. Not clack's own spinner: that one puts stdin in raw mode,
 * so Ctrl-C no longer raises SIGINT and it exits 0 on the spot, skipping the
 * clean-up of a half-made project. In a pipe or CI: one plain line per step
 * when it ends (`✔ Installed dependencies (0.4 s)`).
 */
export function createProgress(out: NodeJS.WriteStream = process.stdout): Progress {
  const tty = out.isTTY === true;
  const line = (symbol: string, text: string) => out.write(tty ? `${pc.gray("│")}\n${symbol}  ${text}\n` : `${symbol} ${text}\n`);
  return {
    async step(title, work, done) {
      const started = performance.now();
      let timer: NodeJS.Timeout | undefined;
      const showCursor = () => out.write("\x1b[?25h");
      if (tty) {
        let frame = 0;
        const draw = () => out.write(`\r\x1b[2K${pc.magenta(FRAMES[frame++ % FRAMES.length])}  ${title}${pc.dim("…")}`);
        out.write(`${pc.gray("│")}\n\x1b[?25l`);
        process.once("exit", showCursor);
        draw();
        timer = setInterval(draw, 80);
      }
      const finish = (symbol: string, text: string) => {
        if (!tty) return void out.write(`${symbol} ${text}\n`);
        clearInterval(timer);
        out.write(`\r\x1b[2K${symbol}  ${text}\n\x1b[?25h`);
        process.off("exit", showCursor);
      };
      try {
        const result = await work();
        finish(tty ? pc.green("◇") : pc.green("✔"), `${done ? done(result) : title} ${pc.dim(`(${seconds(performance.now() - started)})`)}`);
        return result;
      } catch (err) {
        finish(tty ? pc.red("■") : pc.red("✖"), title);
        throw err;
      }
    },
    skip(title, why) {
      line(pc.dim("-"), pc.dim(`${title}: ${why}`));
    },
    warn(message) {
      line(pc.yellow("▲"), message);
    },
    info(message) {
      out.write(`${message}\n`);
    },
  };
}

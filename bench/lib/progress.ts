/** A one-line progress bar on stderr (plain lines every 25% when stderr is not a terminal). */
export class Progress {
  private done = 0;
  private lastDrawn = -1;
  private readonly started = performance.now();
  constructor(private readonly label: string, private readonly total: number) {
    this.draw();
  }

  tick(n = 1): void {
    this.done = Math.min(this.total, this.done + n);
    this.draw();
  }

  finish(): void {
    this.done = this.total;
    this.draw(true);
    if (process.stderr.isTTY) process.stderr.write('\n');
  }

  private draw(force = false): void {
    const pct = this.total === 0 ? 100 : Math.floor((this.done / this.total) * 100);
    const tty = process.stderr.isTTY;
    const step = tty ? pct : Math.floor(pct / 25) * 25;
    if (!force && step === this.lastDrawn) return;
    if (force && !tty && this.lastDrawn === 100) return;
    this.lastDrawn = step;
    const width = 30;
    const filled = Math.round((pct / 100) * width);
    const secs = ((performance.now() - this.started) / 1000).toFixed(1);
    const line = `  ${this.label.padEnd(22)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(pct).padStart(3)}% ${this.done}/${this.total} ${secs}s`;
    process.stderr.write(tty ? `\r${line}` : `${line}\n`);
  }
}

import type { WalkEvent } from '../layer/index.js';

/**
 * A one-line progress display on a terminal's stderr; nothing at all when stderr is not a
 * TTY, so CI logs and pipes stay clean.
 */
export class Progress {
  private readonly enabled: boolean;
  private readonly sizes = new Map<number, number>();
  private readonly read = new Map<number, number>();
  private done = 0;
  private last = 0;

  constructor(
    private readonly total: number,
    quiet: boolean,
    private readonly out: NodeJS.WriteStream = process.stderr,
  ) {
    this.enabled = !quiet && out.isTTY === true;
  }

  onEvent = (event: WalkEvent): void => {
    if (!this.enabled) return;
    if (event.kind === 'layer-start') this.sizes.set(event.layer, event.size);
    if (event.kind === 'layer-bytes') this.read.set(event.layer, event.bytes);
    if (event.kind === 'layer-done') {
      this.done++;
      this.read.set(event.layer, this.sizes.get(event.layer) ?? 0);
    }
    this.render(event.kind !== 'layer-bytes');
  };

  message(text: string): void {
    if (!this.enabled) return;
    this.out.write(`\r\x1b[K${text}`);
  }

  finish(): void {
    if (this.enabled) this.out.write('\r\x1b[K');
  }

  private render(force: boolean): void {
    const now = Date.now();
    if (!force && now - this.last < 100) return;
    this.last = now;
    const bytes = [...this.read.values()].reduce((a, b) => a + b, 0);
    const size = [...this.sizes.values()].reduce((a, b) => a + b, 0);
    this.message(`layers ${this.done}/${this.total}  ${mib(bytes)} / ${mib(size)} MiB`);
  }
}

function mib(n: number): string {
  return (n / 1024 / 1024).toFixed(1);
}

/** The renders a pool accepted and has not finished: stop() waits for them all, load() counts them. */
export class AcceptedRenders {
  private readonly open = new Set<Promise<Buffer>>();

  /** Keeps `render` until it settles, and returns it. */
  track(render: Promise<Buffer>): Promise<Buffer> {
    this.open.add(render);
    const forget = () => this.open.delete(render);
    void render.then(forget, forget);
    return render;
  }

  get size(): number {
    return this.open.size;
  }

  /** Once every render accepted so far has succeeded or failed. */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.open]);
  }
}

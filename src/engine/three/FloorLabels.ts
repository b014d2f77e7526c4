import { Vector3, type Camera } from 'three';

/**
 * Floor numbers ("3F") as HTML labels beside the stack: crisp at any pixel ratio, no textures to
 * free, and countable by tests. Positioned after every rendered frame.
 */
export class FloorLabels {
  private readonly root = document.createElement('div');
  private labels: { floor: number; element: HTMLElement; anchor: Vector3 }[] = [];
  /** Floors cut away by a section: no label floats where nothing is drawn. */
  private hidden: ReadonlySet<number> = new Set();

  constructor(container: HTMLElement) {
    this.root.className = 'inspector-floor-labels';
    // Labels must never take the pointer from the canvas (orbit, picking).
    this.root.style.cssText = 'position:absolute;inset:0;pointer-events:none;overflow:hidden';
    container.appendChild(this.root);
  }

  /** Replaces the labels: one per floor, anchored at a point in world metres. */
  set(floors: readonly { floor: number; anchor: Vector3; marked: boolean }[]): void {
    this.root.replaceChildren();
    this.labels = floors.map(({ floor, anchor, marked }) => {
      const element = document.createElement('span');
      element.className = marked ? 'inspector-floor-label marked' : 'inspector-floor-label';
      element.style.cssText = 'position:absolute;left:0;top:0;white-space:nowrap';
      element.dataset.floor = String(floor);
      element.textContent = `${floor}F`;
      this.root.appendChild(element);
      return { floor, element, anchor };
    });
  }

  setAnchor(floor: number, anchor: Vector3, marked: boolean): void {
    const label = this.labels.find((l) => l.floor === floor);
    if (!label) return;
    label.anchor.copy(anchor);
    label.element.classList.toggle('marked', marked);
  }

  hideFloors(floors: ReadonlySet<number>): void {
    this.hidden = floors;
  }

  /** Moves each label to its anchor's screen position; hides those behind the camera. */
  update(camera: Camera, widthPx: number, heightPx: number): void {
    const p = new Vector3();
    for (const { floor, element, anchor } of this.labels) {
      p.copy(anchor).project(camera);
      const visible = !this.hidden.has(floor) && p.z < 1 && Math.abs(p.x) <= 1 && Math.abs(p.y) <= 1;
      element.style.display = visible ? '' : 'none';
      if (visible)
        element.style.transform = `translate(${((p.x + 1) / 2) * widthPx}px, ${((1 - p.y) / 2) * heightPx}px) translate(-100%, -50%)`;
    }
  }

  dispose(): void {
    this.root.remove();
    this.labels = [];
  }
}

// The annotation editor, loaded when a visitor marks up an image: plain DOM and canvas, so it
// shares nothing with the initial script. Highlights are outlined; redactions are solid black
// (no blur: blurred text can be read back). Every redraw starts from a cleared, opaque canvas,
// so the rectangle shown during a drag never stays in the image: one drag, one shape.

const labels = {
  en: [
    'Mark up',
    'Highlight',
    'Black out',
    'Add box',
    'Undo',
    'Done',
    'Cancel',
    'Image to mark up. Enter adds a box, arrows move the last box, Shift with arrows resizes it, Delete removes it.',
    'Shapes: ',
  ],
  ru: [
    'Разметка',
    'Выделить',
    'Закрасить',
    'Добавить рамку',
    'Отменить',
    'Готово',
    'Отмена',
    'Изображение для разметки. Enter добавляет рамку, стрелки двигают последнюю, Shift со стрелками меняет её размер, Delete удаляет её.',
    'Фигур: ',
  ],
};

type Box = { kind: 'highlight' | 'redact'; x: number; y: number; w: number; h: number };
type Point = { x: number; y: number };

const css = `.cd-ann{position:fixed;inset:0;z-index:1;background:rgb(0 0 0/.75);display:flex;flex-direction:column;gap:8px;padding:12px}
.cd-ann canvas{flex:1;min-height:0;max-width:100%;object-fit:contain;cursor:crosshair;touch-action:none;background:#fff}
.cd-ann p{margin:0;color:#fff}
.cd-ann [aria-pressed=true]{outline:3px solid #ffcc00}`;

function draw(ctx: CanvasRenderingContext2D, image: CanvasImageSource, boxes: Box[]) {
  const { width, height } = ctx.canvas;
  // Cleared and filled first: a transparent image would otherwise keep the last frame's shapes.
  ctx.clearRect(0, 0, width, height);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.drawImage(image, 0, 0, width, height);
  ctx.lineWidth = Math.max(3, width / 400);
  for (const b of boxes) {
    ctx.fillStyle = b.kind === 'redact' ? '#000' : 'rgb(255 204 0 / 0.2)';
    ctx.fillRect(b.x, b.y, b.w, b.h);
    if (b.kind === 'highlight') {
      ctx.strokeStyle = '#ffcc00';
      ctx.strokeRect(b.x, b.y, b.w, b.h);
    }
  }
}

/** Opens the editor over `host` and resolves with the marked-up PNG, or null when cancelled. */
export async function annotate(file: Blob, host: ShadowRoot | HTMLElement, locale: 'en' | 'ru'): Promise<Blob | null> {
  const [title, highlight, redact, addLabel, undoLabel, done, cancel, help, count] = labels[locale] as string[];
  const image = await createImageBitmap(file);
  const root = document.createElement('div');
  root.className = 'cd-ann';
  root.setAttribute('role', 'dialog');
  root.setAttribute('aria-label', title as string);
  root.innerHTML = `<style>${css}</style><div class="row"></div><canvas tabindex="0" role="application"></canvas><p aria-live="polite"></p>`;
  const canvas = root.querySelector('canvas') as HTMLCanvasElement;
  const status = root.querySelector('p') as HTMLElement;
  canvas.setAttribute('aria-label', help as string);
  const { width, height } = image;
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
  let boxes: Box[] = [];
  // Earlier states of `boxes`, for Undo (each change replaces the array).
  const history: Box[][] = [];
  let kind: Box['kind'] = 'highlight';
  let start: Point | null = null;
  let pointer = -1;
  const redraw = (shown = boxes) => draw(ctx, image, shown);
  const change = (next: Box[]) => {
    history.push(boxes);
    boxes = next;
    redraw();
    status.textContent = `${count}${boxes.length}`;
  };
  const undo = () => {
    const previous = history.pop();
    if (!previous) return;
    boxes = previous;
    redraw();
    status.textContent = `${count}${boxes.length}`;
  };
  const point = (e: PointerEvent): Point => {
    const r = canvas.getBoundingClientRect();
    const scale = Math.min(r.width / width, r.height / height);
    const offsetX = (r.width - width * scale) / 2;
    const offsetY = (r.height - height * scale) / 2;
    return { x: (e.clientX - r.left - offsetX) / scale, y: (e.clientY - r.top - offsetY) / scale };
  };
  const boxFrom = (a: Point, b: Point): Box => ({
    kind,
    x: Math.min(a.x, b.x),
    y: Math.min(a.y, b.y),
    w: Math.abs(a.x - b.x),
    h: Math.abs(a.y - b.y),
  });
  // One pointer at a time (a second finger is ignored); the shape is kept only on release.
  canvas.onpointerdown = (e) => {
    if (start || e.button > 0) return;
    e.preventDefault();
    start = point(e);
    pointer = e.pointerId;
    try {
      canvas.setPointerCapture(e.pointerId);
    } catch {
      // Not an active pointer (a synthetic event): moves still arrive while it is over the canvas.
    }
  };
  canvas.onpointermove = (e) => {
    if (start && e.pointerId === pointer) redraw([...boxes, boxFrom(start, point(e))]);
  };
  canvas.onpointerup = (e) => {
    if (!start || e.pointerId !== pointer) return;
    const box = boxFrom(start, point(e));
    start = null;
    if (box.w > 2 && box.h > 2) change([...boxes, box]);
    else redraw();
  };
  canvas.onpointercancel = (e) => {
    if (e.pointerId !== pointer) return;
    start = null;
    redraw();
  };
  const addBox = () => change([...boxes, { kind, x: width * 0.375, y: height * 0.375, w: width / 4, h: height / 4 }]);
  canvas.onkeydown = (e) => {
    const last = boxes[boxes.length - 1];
    const step = Math.max(1, Math.round(Math.min(width, height) / 50));
    const arrows: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -step],
      ArrowDown: [0, step],
    };
    const move = arrows[e.key];
    if (e.key === 'Enter' || e.key === ' ') addBox();
    else if (move && last) {
      const [dx, dy] = move;
      const moved = e.shiftKey
        ? { ...last, w: Math.max(step, last.w + dx), h: Math.max(step, last.h + dy) }
        : { ...last, x: last.x + dx, y: last.y + dy };
      change([...boxes.slice(0, -1), moved]);
    } else if ((e.key === 'Delete' || e.key === 'Backspace') && last) change(boxes.slice(0, -1));
    else return;
    e.preventDefault();
    e.stopPropagation();
  };
  redraw();
  status.textContent = `${count}0`;
  host.append(root);

  return new Promise((resolve) => {
    const finish = (result: Blob | null) => {
      root.remove();
      image.close();
      resolve(result);
    };
    const bar = root.querySelector('.row') as HTMLElement;
    const button = (label: string, onClick: () => void, pressed?: boolean) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = label;
      if (pressed !== undefined) b.setAttribute('aria-pressed', String(pressed));
      b.onclick = onClick;
      bar.append(b);
      return b;
    };
    const pick = (next: Box['kind']) => {
      kind = next;
      tools.forEach((b, i) => {
        b.setAttribute('aria-pressed', String((i === 0) === (next === 'highlight')));
      });
    };
    const tools = [
      button(highlight as string, () => pick('highlight'), true),
      button(redact as string, () => pick('redact'), false),
    ];
    button(addLabel as string, addBox);
    button(undoLabel as string, undo);
    const finishButton = button(done as string, () => {
      redraw();
      canvas.toBlob((blob) => finish(blob), 'image/png');
    });
    finishButton.className = 'primary';
    button(cancel as string, () => finish(null));
    root.onkeydown = (e) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z') undo();
      else if (e.key === 'Escape') finish(null);
      else return;
      e.preventDefault();
      e.stopPropagation();
    };
    tools[0]?.focus();
  });
}

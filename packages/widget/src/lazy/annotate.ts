// The annotation editor, loaded when a visitor marks up an image: plain DOM and canvas, so it
// shares nothing with the initial script. Highlights are outlined; redactions are solid black
// (no blur: blurred text can be read back).

const labels = {
  en: ['Mark up', 'Highlight', 'Black out', 'Undo', 'Done', 'Cancel'],
  ru: ['Разметка', 'Выделить', 'Закрасить', 'Отменить', 'Готово', 'Отмена'],
};

type Box = { kind: 'highlight' | 'redact'; x: number; y: number; w: number; h: number };

const css = `.cd-ann{position:fixed;inset:0;z-index:1;background:rgb(0 0 0/.75);display:flex;flex-direction:column;gap:8px;padding:12px}
.cd-ann canvas{flex:1;min-height:0;max-width:100%;object-fit:contain;cursor:crosshair;touch-action:none;background:#fff}
.cd-ann [aria-pressed=true]{outline:3px solid #ffcc00}`;

function draw(ctx: CanvasRenderingContext2D, image: CanvasImageSource, boxes: Box[]) {
  const { width, height } = ctx.canvas;
  ctx.drawImage(image, 0, 0, width, height);
  for (const b of boxes) {
    if (b.kind === 'redact') {
      ctx.fillStyle = '#000';
      ctx.fillRect(b.x, b.y, b.w, b.h);
    } else {
      ctx.fillStyle = 'rgb(255 204 0 / 0.2)';
      ctx.fillRect(b.x, b.y, b.w, b.h);
      ctx.lineWidth = Math.max(3, width / 400);
      ctx.strokeStyle = '#ffcc00';
      ctx.strokeRect(b.x, b.y, b.w, b.h);
    }
  }
}

/** Opens the editor over `host` and resolves with the marked-up PNG, or null when cancelled. */
export async function annotate(file: Blob, host: ShadowRoot | HTMLElement, locale: 'en' | 'ru'): Promise<Blob | null> {
  const [title, highlight, redact, undo, done, cancel] = labels[locale];
  const image = await createImageBitmap(file);
  const root = document.createElement('div');
  root.className = 'cd-ann';
  root.setAttribute('role', 'dialog');
  root.setAttribute('aria-label', title as string);
  root.innerHTML = `<style>${css}</style><div class="row"></div><canvas></canvas>`;
  const canvas = root.querySelector('canvas') as HTMLCanvasElement;
  canvas.width = image.width;
  canvas.height = image.height;
  const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
  const boxes: Box[] = [];
  let kind: Box['kind'] = 'highlight';
  let start: { x: number; y: number } | null = null;
  const point = (e: PointerEvent) => {
    const r = canvas.getBoundingClientRect();
    const scale = Math.min(r.width / canvas.width, r.height / canvas.height);
    const offsetX = (r.width - canvas.width * scale) / 2;
    const offsetY = (r.height - canvas.height * scale) / 2;
    return { x: (e.clientX - r.left - offsetX) / scale, y: (e.clientY - r.top - offsetY) / scale };
  };
  const boxFrom = (a: { x: number; y: number }, b: { x: number; y: number }): Box => ({
    kind,
    x: Math.min(a.x, b.x),
    y: Math.min(a.y, b.y),
    w: Math.abs(a.x - b.x),
    h: Math.abs(a.y - b.y),
  });
  canvas.onpointerdown = (e) => {
    start = point(e);
    canvas.setPointerCapture(e.pointerId);
  };
  canvas.onpointermove = (e) => start && draw(ctx, image, [...boxes, boxFrom(start, point(e))]);
  canvas.onpointerup = (e) => {
    if (!start) return;
    const box = boxFrom(start, point(e));
    start = null;
    if (box.w > 2 && box.h > 2) boxes.push(box);
    draw(ctx, image, boxes);
  };
  draw(ctx, image, boxes);
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
    const tools = [
      button(highlight as string, () => pick('highlight'), true),
      button(redact as string, () => pick('redact'), false),
    ];
    const pick = (next: Box['kind']) => {
      kind = next;
      tools.forEach((b, i) => {
        b.setAttribute('aria-pressed', String((i === 0) === (next === 'highlight')));
      });
    };
    button(undo as string, () => {
      boxes.pop();
      draw(ctx, image, boxes);
    });
    const finishButton = button(done as string, () => canvas.toBlob((blob) => finish(blob), 'image/png'));
    finishButton.className = 'primary';
    button(cancel as string, () => finish(null));
    root.onkeydown = (e) => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      finish(null);
    };
    tools[0]?.focus();
  });
}

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Chromium, describeInChromium, launchChromium } from './support/chromium.ts';
import { saveScreenshot, seriousViolations } from './support/page-helpers.ts';
import { embedPage, startWidgetSite, type WidgetSite } from './support/widget-site.ts';

// A page whose first heading has a large top margin (it collapses with the body's), a red
// 100×100 block in the normal flow below it and enough height to scroll.
const redBlockPage = {
  head: '<style>h1 { margin-top: 40px }</style>',
  body: '<div id="red" style="margin:40px 0 0 200px;width:100px;height:100px;background:#f00"></div><div style="height:3000px"></div>',
};

type Widget = HTMLElement & { files: File[]; addFiles(files: File[]): void };

describeInChromium('screenshots and their markup in the widget (headless Chromium)', () => {
  let s: WidgetSite;
  let browser: Chromium;
  let page: Page;

  beforeAll(async () => {
    [s, browser] = await Promise.all([startWidgetSite(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  const open = async (path: string, html: string) => {
    s.page(path, html);
    page = await browser.context.newPage();
    await page.goto(`${s.site}${path}`);
    return page;
  };
  const launcher = () => page.getByRole('button', { name: 'Support' });
  const canvas = () => page.locator('caredesk-widget >> .cd-ann canvas');

  const screenshot = async () => {
    await page.getByRole('button', { name: 'Screenshot' }).click();
    await page.getByText(/^screenshot-.*\.png/).waitFor();
  };

  /** Adds a 600×400 PNG, transparent but for a grey square, and opens the editor on it. */
  const editTransparentImage = async () => {
    await launcher().click();
    // The launcher is the loader's; the widget proper (and its addFiles) comes with the
    // chunk the click imports.
    await page.waitForFunction(
      () => typeof (document.querySelector('caredesk-widget') as Widget | null)?.addFiles === 'function',
    );
    await page.evaluate(async () => {
      const image = new OffscreenCanvas(600, 400);
      const context = image.getContext('2d') as OffscreenCanvasRenderingContext2D;
      context.fillStyle = '#888';
      context.fillRect(20, 20, 60, 60);
      const blob = await image.convertToBlob({ type: 'image/png' });
      const widget = document.querySelector('caredesk-widget') as Widget;
      widget.addFiles([new File([blob], 'drawing.png', { type: 'image/png' })]);
    });
    await page.getByText(/^drawing\.png/).waitFor();
    await page.getByRole('button', { name: 'Mark up' }).click();
    await canvas().waitFor();
  };

  /** Where the image is drawn inside the canvas element (object-fit: contain), in page pixels. */
  const imageArea = async () => {
    const box = await canvas().boundingBox();
    const size = await canvas().evaluate((c: HTMLCanvasElement) => ({ width: c.width, height: c.height }));
    if (!box) throw new Error('the editor shows no canvas');
    const scale = Math.min(box.width / size.width, box.height / size.height);
    const x = box.x + (box.width - size.width * scale) / 2;
    const y = box.y + (box.height - size.height * scale) / 2;
    return { x, y, width: size.width * scale, height: size.height * scale };
  };

  /** A SHA-256 of the canvas's pixels. */
  const canvasDigest = () =>
    canvas().evaluate(async (c: HTMLCanvasElement) => {
      const data = (c.getContext('2d') as CanvasRenderingContext2D).getImageData(0, 0, c.width, c.height).data;
      const digest = await crypto.subtle.digest('SHA-256', data);
      return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
    });

  /**
   * Decodes the widget's first file in the page and reports its size, how many pixels are not
   * opaque, the bounds of the red pixels, and the runs of highlight-yellow pixels along row `row`
   * (a fraction of the height).
   */
  const readFile = (row = 0.5) =>
    page.evaluate(async (row) => {
      const file = (document.querySelector('caredesk-widget') as Widget).files[0] as File;
      const image = await createImageBitmap(file);
      const { width, height } = image;
      const canvas = new OffscreenCanvas(width, height);
      const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
      context.drawImage(image, 0, 0);
      const data = context.getImageData(0, 0, width, height).data;
      let notOpaque = 0;
      const red = { left: Infinity, top: Infinity, right: -1, bottom: -1 };
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3] !== 255) notOpaque++;
        if ((data[i] as number) > 200 && (data[i + 1] as number) < 60 && (data[i + 2] as number) < 60) {
          const x = (i / 4) % width;
          const y = Math.floor(i / 4 / width);
          red.left = Math.min(red.left, x);
          red.right = Math.max(red.right, x + 1);
          red.top = Math.min(red.top, y);
          red.bottom = Math.max(red.bottom, y + 1);
        }
      }
      // Runs of the highlight's outline colour (#ffcc00) along one row.
      const y = Math.floor(height * row);
      const runs: number[] = [];
      let inside = false;
      for (let x = 0; x < width; x++) {
        const i = (y * width + x) * 4;
        const yellow =
          (data[i] as number) > 235 && Math.abs((data[i + 1] as number) - 204) < 20 && (data[i + 2] as number) < 40;
        if (yellow && !inside) runs.push(x);
        inside = yellow;
      }
      const corner = [...data.slice(0, 4)];
      return { width, height, notOpaque, red, runs, corner };
    }, row);

  it.each([
    [0, 1],
    [120, 1],
    [120, 2],
  ])(
    'should take an opaque screenshot with the red block exactly where it is on screen (page scrolled by %i px, %i× screen)',
    async (scroll, density) => {
      s.page(`/red-${scroll}`, embedPage({ server: s.server, siteKey: s.siteKey, ...redBlockPage }));
      page = await browser.context.newPage();
      if (density !== 1) {
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('Emulation.setDeviceMetricsOverride', {
          width: 1280,
          height: 800,
          deviceScaleFactor: density,
          mobile: false,
        });
      }
      await page.goto(`${s.site}/red-${scroll}`);
      expect(await page.evaluate(() => devicePixelRatio)).toBe(density);
      await page.evaluate((y) => scrollTo(0, y), scroll);
      await launcher().click();
      await screenshot();
      const onScreen = await page.evaluate(() => {
        const r = (document.getElementById('red') as HTMLElement).getBoundingClientRect();
        return {
          left: r.left,
          top: r.top,
          right: r.right,
          bottom: r.bottom,
          viewport: document.documentElement.clientWidth,
        };
      });
      // Wholly on screen, and moved by the scroll.
      expect(onScreen.top).toBeGreaterThan(0);
      expect(await page.evaluate(() => scrollY)).toBe(scroll);
      const shot = await readFile();
      expect(shot.notOpaque).toBe(0);
      const scale = shot.width / onScreen.viewport;
      expect(scale).toBe(density);
      for (const side of ['left', 'top', 'right', 'bottom'] as const)
        expect(Math.abs(shot.red[side] - onScreen[side] * scale), side).toBeLessThanOrEqual(2);
      await page.close();
    },
  );

  it('should fill the screenshot with the page’s own background colour', async () => {
    await open(
      '/dark',
      embedPage({
        server: s.server,
        siteKey: s.siteKey,
        head: '<style>html { background: #123 } body { color: #eee }</style>',
      }),
    );
    await launcher().click();
    await screenshot();
    const shot = await readFile();
    expect(shot.notOpaque).toBe(0);
    expect(shot.corner).toEqual([17, 34, 51, 255]);
    await page.close();
  });

  it('should leave the same pixels after a redraw, one highlight drawn on a transparent image', async () => {
    await open('/redraw', embedPage({ server: s.server, siteKey: s.siteKey }));
    await editTransparentImage();
    const area = await imageArea();
    await page.mouse.move(area.x + area.width * 0.2, area.y + area.height * 0.2);
    await page.mouse.down();
    await page.mouse.move(area.x + area.width * 0.6, area.y + area.height * 0.6, { steps: 10 });
    await page.mouse.up();
    await page.getByText('Shapes: 1').waitFor();
    const first = await canvasDigest();
    // Two more redraws: a box added, then undone.
    await page.getByRole('button', { name: 'Add box' }).click();
    await page.getByText('Shapes: 2').waitFor();
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByText('Shapes: 1').waitFor();
    expect(await canvasDigest()).toBe(first);
    await page.getByRole('button', { name: 'Done' }).click();
    await canvas().waitFor({ state: 'detached' });
    const marked = await readFile(0.4);
    expect(marked.notOpaque).toBe(0);
    expect(marked.corner).toEqual([255, 255, 255, 255]);
    expect(marked.runs).toHaveLength(2);
    await page.close();
  });

  it('should keep one rectangle from a touch drag with many moves, and nothing from a cancelled one', async () => {
    await open('/touch', embedPage({ server: s.server, siteKey: s.siteKey }));
    await editTransparentImage();
    const types = canvas().evaluate(
      (c) =>
        new Promise<string[]>((resolve) => {
          const seen: string[] = [];
          c.addEventListener('pointermove', (e) => seen.push((e as PointerEvent).pointerType));
          c.addEventListener('pointerup', () => resolve(seen));
        }),
    );
    const area = await imageArea();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
    const at = (fx: number, fy: number) => [{ x: area.x + area.width * fx, y: area.y + area.height * fy }];
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0.2, 0.2) });
    for (let i = 1; i <= 30; i++)
      await cdp.send('Input.dispatchTouchEvent', {
        type: 'touchMove',
        touchPoints: at(0.2 + i * 0.02, 0.2 + i * 0.02),
      });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    expect(await types).toContain('touch');
    await page.getByText('Shapes: 1').waitFor();
    // A drag the browser cancels (a system gesture) leaves nothing.
    await canvas().evaluate((c) => {
      const r = c.getBoundingClientRect();
      const event = (type: string, f: number) =>
        new PointerEvent(type, {
          pointerId: 7,
          pointerType: 'touch',
          isPrimary: true,
          bubbles: true,
          clientX: r.left + r.width * f,
          clientY: r.top + r.height * f,
        });
      c.dispatchEvent(event('pointerdown', 0.1));
      for (let f = 0.1; f < 0.9; f += 0.05) c.dispatchEvent(event('pointermove', f));
      c.dispatchEvent(event('pointercancel', 0.9));
    });
    await saveScreenshot(page, 'annotation-touch-drag');
    await page.getByRole('button', { name: 'Done' }).click();
    await canvas().waitFor({ state: 'detached' });
    // The row through the middle of the box crosses its outline twice: its left and right edges.
    const marked = await readFile(0.5);
    expect(marked.runs).toHaveLength(2);
    const [left, right] = marked.runs as [number, number];
    expect(Math.abs(left - 600 * 0.2)).toBeLessThanOrEqual(4);
    expect(Math.abs(right - 600 * 0.8)).toBeLessThanOrEqual(4);
    await page.close();
  });

  it('should add a box, move it, undo and confirm with the keyboard alone', async () => {
    await open('/keys', embedPage({ server: s.server, siteKey: s.siteKey }));
    await launcher().click();
    await screenshot();
    await page.getByRole('button', { name: 'Mark up' }).click();
    await canvas().waitFor();
    const focused = () =>
      page.evaluate(() => {
        const active = document.querySelector('caredesk-widget')?.shadowRoot?.activeElement;
        return active?.localName === 'canvas' ? 'canvas' : (active?.textContent ?? '');
      });
    for (let i = 0; i < 10 && (await focused()) !== 'canvas'; i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe('canvas');
    await page.keyboard.press('Enter');
    await page.getByText('Shapes: 1').waitFor();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Delete');
    await page.getByText('Shapes: 0').waitFor();
    await page.keyboard.press('Control+z');
    await page.getByText('Shapes: 1').waitFor();
    for (let i = 0; i < 10 && (await focused()) !== 'Done'; i++) await page.keyboard.press('Shift+Tab');
    expect(await focused()).toBe('Done');
    await page.keyboard.press('Enter');
    await canvas().waitFor({ state: 'detached' });
    const marked = await readFile(0.5);
    expect(marked.notOpaque).toBe(0);
    expect(marked.runs).toHaveLength(2);
    await page.close();
  });

  it('should find no serious or critical accessibility violations with the markup editor open', async () => {
    await open('/a11y-markup', embedPage({ server: s.server, siteKey: s.siteKey }));
    await editTransparentImage();
    await page.getByRole('button', { name: 'Add box' }).click();
    await page.getByText('Shapes: 1').waitFor();
    await saveScreenshot(page, 'annotation-editor-open');
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('should speak Russian in the markup editor on a Russian page', async () => {
    await open('/ru-markup', embedPage({ server: s.server, siteKey: s.siteKey, lang: 'ru' }));
    await page.getByRole('button', { name: 'Поддержка' }).click();
    await page.getByRole('button', { name: 'Снимок экрана' }).click();
    await page.getByText(/^screenshot-.*\.png/).waitFor();
    await page.getByRole('button', { name: 'Разметить' }).click();
    await page.getByRole('dialog', { name: 'Разметка' }).waitFor();
    for (const name of ['Выделить', 'Закрасить', 'Добавить рамку', 'Отменить', 'Готово', 'Отмена'])
      expect(await page.getByRole('button', { name, exact: true }).count(), name).toBe(1);
    expect(await page.getByText('Фигур: 0').count()).toBe(1);
    expect(await canvas().getAttribute('aria-label')).toMatch(/^Изображение для разметки/);
    await page.getByRole('button', { name: 'Отмена', exact: true }).click();
    await canvas().waitFor({ state: 'detached' });
    await page.close();
  });
});

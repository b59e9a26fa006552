import { describe, expect, it } from 'vitest';
import { contrastWithWhite, embedSnippet, lookProblem, widgetLookOf } from '../src/domain/widget-look.ts';

describe('a site’s widget look', () => {
  it('should measure white text on a colour as WCAG does', () => {
    expect(contrastWithWhite('#000000')).toBeCloseTo(21, 5);
    expect(contrastWithWhite('#ffffff')).toBeCloseTo(1, 5);
    expect(contrastWithWhite('#2155d6')).toBeGreaterThan(4.5);
    expect(contrastWithWhite('#767676')).toBeCloseTo(4.54, 2);
  });

  it('should refuse a colour white text reads badly on, naming the ratio', () => {
    expect(lookProblem({ color: '#ffd700', position: null, launcherText: null })).toEqual({
      field: 'color',
      reason: 'white text on it reads at 1.4:1; at least 4.5:1 is needed',
    });
    expect(lookProblem({ color: '#2155d6', position: 'bottom-left', launcherText: 'Помощь' })).toBeNull();
  });

  it('should read back only what is valid of a stored look', () => {
    expect(widgetLookOf({ color: '#ABCDEF', position: 'top', launcherText: '  ', extra: 1 })).toEqual({
      color: '#abcdef',
      position: null,
      launcherText: null,
    });
    expect(widgetLookOf(null)).toEqual({ color: null, position: null, launcherText: null });
  });

  it('should escape the launcher text in the snippet and leave unset attributes out', () => {
    expect(
      embedSnippet({
        serverUrl: 'https://desk.studio.example/',
        siteKey: 'pk_1',
        look: { color: null, position: null, launcherText: '<b>"Hi"</b>' },
      }),
    ).toBe(
      '<script src="https://desk.studio.example/widget.js" data-site-key="pk_1" data-launcher-text="&lt;b&gt;&quot;Hi&quot;&lt;/b&gt;" async></script>',
    );
  });
});

import { embedSnippet, launcherTextMaxLength, type WidgetLook, widgetLookOf } from '../../domain/widget-look.ts';
import { builder } from '../builder.ts';
import { SiteRef } from './site.ts';

export const WidgetPosition = builder.enumType('WidgetPosition', {
  values: { BOTTOM_RIGHT: { value: 'bottom-right' }, BOTTOM_LEFT: { value: 'bottom-left' } } as const,
});

const WidgetLookRef = builder.objectRef<WidgetLook>('WidgetLook').implement({
  description: "A site's widget look, set by the studio; null fields fall back to the script tag, then the defaults.",
  fields: (t) => ({
    color: t.exposeString('color', { nullable: true, description: '#rrggbb, readable under white text.' }),
    position: t.field({ type: WidgetPosition, nullable: true, resolve: (look) => look.position }),
    launcherText: t.exposeString('launcherText', { nullable: true }),
  }),
});

export const WidgetLookInput = builder.inputType('WidgetLookInput', {
  description: 'Replaces the look; a field left out or null is unset.',
  fields: (t) => ({
    color: t.string({ required: false, description: '#rrggbb; white text on it must read at 4.5:1 or better.' }),
    position: t.field({ type: WidgetPosition, required: false }),
    launcherText: t.string({ required: false, description: `At most ${launcherTextMaxLength} characters.` }),
  }),
});

builder.objectFields(SiteRef, (t) => ({
  widgetLook: t.field({
    type: WidgetLookRef,
    description: "The widget's look on this site.",
    resolve: (site) => widgetLookOf(site.widgetSettings),
  }),
  embedSnippet: t.string({
    description: "The script tag to add to the site's pages: its key, this server, and the look.",
    resolve: (site, _args, ctx) =>
      embedSnippet({ serverUrl: ctx.publicUrl, siteKey: site.publicKey, look: widgetLookOf(site.widgetSettings) }),
  }),
}));

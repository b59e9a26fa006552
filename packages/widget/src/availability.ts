import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { type Caller, gql } from './graphql.ts';
import type { Locale, Translate } from './i18n.ts';

/** When support works and how soon it usually answers (the public `workingHours`). */
export interface Availability {
  openNow: boolean;
  nextOpening: string;
  usualReaction: { workingMinutes: number | null; workingDays: number | null };
}

const query = 'query { workingHours { openNow nextOpening usualReaction { workingMinutes workingDays } } }';

/**
 * The studio's availability for the greeting: read when the panel first opens, and again when
 * the panel opens after the time it named (support opened, or closed, meanwhile).
 */
export class AvailabilityController implements ReactiveController {
  value: Availability | null = null;
  private readAt = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly caller: () => Caller,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Reads the availability unless what was read still holds. */
  refresh(now = Date.now()): void {
    const stale =
      !this.value ||
      now - this.readAt > 15 * 60_000 ||
      (!this.value.openNow && now >= Date.parse(this.value.nextOpening));
    if (!stale) return;
    this.readAt = now;
    gql<Availability>(this.caller(), 'workingHours', query).then(
      (value) => {
        this.value = value;
        this.host.requestUpdate();
      },
      // No greeting is better than a wrong one: the form works without it.
      () => {},
    );
  }
}

/** "Within 2 working hours" and the like, in the visitor's language. */
export function usualWithin(reaction: Availability['usualReaction'], t: Translate, locale: Locale): string {
  const minutes = reaction.workingMinutes;
  const [n, unit] =
    minutes == null ? [reaction.workingDays ?? 1, 'd'] : minutes % 60 === 0 ? [minutes / 60, 'h'] : [minutes, 'm'];
  const one = locale === 'ru' ? n % 10 === 1 && n % 100 !== 11 : n === 1;
  return t(`within_${unit}${one ? '1' : 'N'}` as 'within_h1', { n });
}

/** When support opens next, in the visitor's own time zone. */
export function openingTime(nextOpening: string, locale: Locale, now = Date.now()): string {
  const at = new Date(nextOpening);
  const withinWeek = at.getTime() - now < 6 * 86_400_000;
  return new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    ...(withinWeek ? {} : { day: 'numeric', month: 'long' }),
    hour: '2-digit',
    minute: '2-digit',
  }).format(at);
}

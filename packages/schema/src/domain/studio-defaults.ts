/**
 * The defaults of domain.md, as stored in a new studio's settings. Every number is a
 * default a studio can change; later issues read them (calendar, SLA, billing).
 */
export const defaultWorkingHours = {
  timeZone: 'Europe/Moscow',
  week: {
    mon: ['10:00', '19:00'],
    tue: ['10:00', '19:00'],
    wed: ['10:00', '19:00'],
    thu: ['10:00', '19:00'],
    fri: ['10:00', '19:00'],
    sat: null,
    sun: null,
  },
  /** Pre-holiday days are this many minutes shorter. */
  preHolidayShorteningMinutes: 60,
} as const;

/**
 * SLA targets (domain.md, "Priorities, reaction time, price"): reaction = until a specialist
 * starts; counted in working time, and for URGENT/IMMEDIATE also outside it (calendar time).
 * NORMAL: start within the next working day, finish within three. See domain/sla.
 */
export const defaultSlaTargets = {
  priority: {
    NORMAL: { reaction: { withinWorkingDays: 1 }, resolution: { withinWorkingDays: 3 } },
    HIGH: { reaction: { workingMinutes: 180 } },
    URGENT: { reaction: { workingMinutes: 60, outsideMinutes: 180 } },
    IMMEDIATE: { reaction: { workingMinutes: 15, outsideMinutes: 60 } },
  },
  category: {
    EMERGENCY: { reaction: { workingMinutes: 120 } },
    QUESTION: { reaction: { workingMinutes: 300 } },
  },
} as const;

/** Money in kopecks; coefficients in hundredths (130 = ×1.3). Read by domain/billing (resolveBillingRules). */
export const defaultBilling = {
  hourlyRateKopecksByLine: { 1: 50_000, 2: 80_000, 3: 80_000 },
  priorityCoefficientPercent: { NORMAL: 100, HIGH: 130, URGENT: 170, IMMEDIATE: 200 },
  extraHourRateKopecks: 150_000,
  /** One rate for every line instead of the rates by line (e.g. 200_000); null: by line. */
  flatHourlyRateKopecks: null,
  /** Paying 6 months ahead: 10 % off (basis points). */
  longPrepaymentDiscountBasisPoints: 1000,
  /** Free support of a newly built site. */
  newSiteFreeMonths: 3,
} as const;

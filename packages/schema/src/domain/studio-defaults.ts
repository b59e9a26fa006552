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

/** Reaction targets in minutes: working time, and calendar time outside working hours. */
export const defaultSlaTargets = {
  priority: {
    NORMAL: { reactionWorkingMinutes: 9 * 60, resolutionWorkingDays: 3 },
    HIGH: { reactionWorkingMinutes: 180 },
    URGENT: { reactionWorkingMinutes: 60, reactionOutsideMinutes: 180 },
    IMMEDIATE: { reactionWorkingMinutes: 15, reactionOutsideMinutes: 60 },
  },
  category: {
    EMERGENCY: { reactionWorkingMinutes: 120 },
    QUESTION: { reactionWorkingMinutes: 300 },
  },
} as const;

/** Money in kopecks; coefficients in hundredths (130 = ×1.3). */
export const defaultBilling = {
  hourlyRateKopecksByLine: { 1: 50_000, 2: 80_000, 3: 80_000 },
  priorityCoefficientPercent: { NORMAL: 100, HIGH: 130, URGENT: 170, IMMEDIATE: 200 },
  extraHourRateKopecks: 150_000,
} as const;

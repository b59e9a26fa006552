// Whole replies that mean "the work is accepted", in English and Russian.
const acceptances = /^(accept|accepted|i accept|approved|принимаю|принято|принята|работу принимаю)[.!\s]*$/i;

/** True when a reply (already trimmed of quotes and signature) says only that the work is accepted. */
export function isAcceptance(text: string): boolean {
  return acceptances.test(text.trim());
}

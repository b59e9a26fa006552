// Whole replies that mean "the work is accepted", in English and Russian.
const acceptances = /^(accept|accepted|i accept|approved|принимаю|принято|принята|работу принимаю)[.!\s]*$/i;

/** True when a reply (already trimmed of quotes and signature) says only that the work is accepted. */
export function isAcceptance(text: string): boolean {
  return acceptances.test(text.trim());
}

// Whole replies that mean "I agree to the estimate", in English and Russian.
const agreements =
  /^(agree|agreed|i agree|we agree|confirm|confirmed|i confirm|approve|approved|accept|accepted|yes|ok|okay|согласен|согласна|согласны|подтверждаю|подтверждаем|подтверждено|одобряю|принимаю|да|ок)[.!\s]*$/i;

/** True when a reply (already trimmed of quotes and signature) says only that the estimate is agreed. */
export function isEstimateAgreement(text: string): boolean {
  return agreements.test(text.trim());
}

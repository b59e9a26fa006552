// Lines that start the quoted history in common mail programs (Gmail, Outlook, Apple Mail,
// Thunderbird, Yandex, Mail.ru), in English and Russian.
const historyStarts = [
  /^On .{3,200} wrote:\s*$/i,
  /^\d{1,2}[./]\d{1,2}[./]\d{2,4}.{0,80}(wrote|пишет|написал[а]?):\s*$/i,
  /^.{0,120}(пишет|написал[а]?):\s*$/i,
  /^-{2,}\s*(Original Message|Исходное сообщение|Пересылаемое сообщение|Forwarded message)\s*-{2,}/i,
  /^_{10,}\s*$/,
  /^(From|От|Von):\s.+$/,
];
// A signature begins with "-- " (the standard separator) or a phone-client footer.
const signatureStarts = [/^--\s?$/, /^Sent from my /i, /^Отправлено с (моего )?/i, /^Get Outlook for /i];

/**
 * The new part of a reply: drops the quoted history (">" lines and everything from an
 * "On … wrote:" line on) and the signature. When trimming would leave nothing, the whole
 * text is kept, so a letter is never lost to a wrong guess.
 */
export function trimReply(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (const line of lines) {
    const plain = line.trim();
    if (historyStarts.some((re) => re.test(plain)) || signatureStarts.some((re) => re.test(line))) break;
    if (plain.startsWith('>')) continue;
    kept.push(line);
  }
  const result = kept.join('\n').trim();
  return result || text.trim();
}

import type { Translate } from './i18n.ts';

/** The server's limits (README): 5 MB a file, 5.5 MB a request; checked again there by content. */
export const maxFileBytes = 5 * 1024 * 1024;
export const maxRequestBytes = 5.5 * 1024 * 1024;

// What the server accepts (packages/schema/src/domain/file-type.ts); never SVG or HTML.
const allowed =
  /^(image\/(png|jpeg|gif|webp|bmp|tiff)|application\/(pdf|msword|zip|x-zip-compressed|x-7z-compressed|vnd\.rar|x-rar-compressed|vnd\.openxmlformats-officedocument\..+|vnd\.oasis\.opendocument\.(text|spreadsheet)))$/;
const allowedExtensions = /\.(png|jpe?g|gif|webp|bmp|tiff?|pdf|doc|docx|xlsx|pptx|odt|ods|zip|7z|rar)$/i;

/** The reasons a set of files may not be sent, in the visitor's language; empty when fine. */
export function fileProblems(files: File[], t: Translate): string[] {
  const problems: string[] = [];
  for (const file of files) {
    if (!(allowed.test(file.type) || (!file.type && allowedExtensions.test(file.name))))
      problems.push(t('badType', { f: file.name }));
    else if (file.size > maxFileBytes) problems.push(t('tooLarge', { f: file.name }));
  }
  if (files.reduce((sum, f) => sum + f.size, 0) > maxRequestBytes) problems.push(t('tooMuch'));
  return problems;
}

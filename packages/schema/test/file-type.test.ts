import { describe, expect, it } from 'vitest';
import { detectFileType, safeFileName } from '../src/domain/file-type.ts';

const bytes = (...values: (number | string)[]) =>
  Uint8Array.from(values.flatMap((v) => (typeof v === 'string' ? [...v].map((c) => c.charCodeAt(0)) : [v])));

describe('recognising a file by its content', () => {
  it('should recognise the accepted images, documents and archives whatever their names say', () => {
    expect(detectFileType(bytes(0x89, 'PNG\r\n', 0x1a, '\n'), 'x.txt')?.mime).toBe('image/png');
    expect(detectFileType(bytes(0xff, 0xd8, 0xff, 0xe0), 'x')?.mime).toBe('image/jpeg');
    expect(detectFileType(bytes('GIF89a'), 'x')?.mime).toBe('image/gif');
    expect(detectFileType(bytes('BM', ...new Array(20).fill(0)), 'x')?.mime).toBe('image/bmp');
    expect(detectFileType(bytes('II', 42, 0), 'x')?.mime).toBe('image/tiff');
    expect(detectFileType(bytes('%PDF-1.7'), 'x')?.mime).toBe('application/pdf');
    expect(detectFileType(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1), 'old.doc')?.mime).toBe(
      'application/msword',
    );
    expect(detectFileType(bytes('7z', 0xbc, 0xaf, 0x27, 0x1c), 'x')?.mime).toBe('application/x-7z-compressed');
    expect(detectFileType(bytes('Rar!', 0x1a, 0x07, 0x00), 'x')?.mime).toBe('application/vnd.rar');
  });

  it('should tell office documents from plain ZIP archives only once the content is a ZIP', () => {
    const zip = bytes('PK', 3, 4, 20, 0);
    expect(detectFileType(zip, 'report.docx')?.mime).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(detectFileType(zip, 'site.odt')?.mime).toBe('application/vnd.oasis.opendocument.text');
    expect(detectFileType(zip, 'backup.zip')?.mime).toBe('application/zip');
    expect(detectFileType(bytes('not a zip'), 'report.docx')).toBeNull();
  });

  it('should refuse HTML, SVG, scripts and empty files', () => {
    expect(detectFileType(bytes('<!doctype html><html>'), 'page.png')).toBeNull();
    expect(detectFileType(bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'logo.svg')).toBeNull();
    expect(detectFileType(bytes('#!/bin/sh\nrm -rf /'), 'run.pdf')).toBeNull();
    expect(detectFileType(new Uint8Array(), 'empty.png')).toBeNull();
  });

  it('should show only images inline', () => {
    expect(detectFileType(bytes(0x89, 'PNG\r\n', 0x1a, '\n'), 'x')?.inline).toBe(true);
    expect(detectFileType(bytes('%PDF-1.7'), 'x')?.inline).toBe(false);
  });
});

describe('file names', () => {
  it('should drop folders, control characters and header-breaking characters', () => {
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('C:\\Users\\me\\скрин "1".png')).toBe('скрин _1_.png');
    expect(safeFileName('a\r\nContent-Type: x.png')).toBe('a__Content-Type_ x.png');
    expect(safeFileName('   ')).toBe('file');
  });
});

import { createPdf } from '../../platform/pdf';
import type { PdfRender } from './documents.service';
import type { DocBlock } from './documents.templates';

/** Signatures are dated in Asia/Shanghai, as printed documents are read. */
const shanghaiDate = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);

/**
 * Draws a rights document (its blocks map one to one onto platform/pdf's builder) with each
 * captured signature in its slot: a party's by its party id, the mediator's by role. A slot
 * nobody signed stays a line to sign on paper.
 */
export const renderRightsPdf: PdfRender = async (spec, signatures) => {
  const doc = createPdf({ title: spec.title, author: spec.author, subject: spec.caseNumber, runningHeader: `${spec.title} ${spec.caseNumber}` });
  const draw: { [K in DocBlock['type']]: (b: Extract<DocBlock, { type: K }>) => void } = {
    heading: (b) => doc.heading(b.text, b.level),
    paragraph: (b) => doc.paragraph(b.text, { ...(b.align ? { align: b.align } : {}), ...(b.isBold ? { isBold: true } : {}) }),
    keyValues: (b) => doc.keyValues(b.rows),
    table: (b) => doc.table({ columns: b.columns, rows: b.rows, ...(b.totalRow ? { totalRow: b.totalRow } : {}) }),
    spacer: (b) => doc.spacer(b.height),
    signatures: (b) =>
      doc.signatures(
        b.slots.map((slot) => {
          const signed = signatures.find((s) => s.role === slot.role && (slot.partyId ? s.partyId === slot.partyId : true));
          return { label: slot.label, name: slot.name, ...(signed ? { image: signed.image, date: shanghaiDate(signed.signedAt) } : {}) };
        }),
      ),
  };
  for (const block of spec.blocks) (draw[block.type] as (b: DocBlock) => void)(block);
  return doc.finish();
};

import hashlib
import re

from odoo import models
from odoo.tools.safe_eval import safe_eval, time

from .aftersales_archive_entry import content_checksum

# Parts of a rendered document that change at every print although the document does not:
# the print time (templates mark it with this class).
_PRINT_TIME = re.compile(
    r'<[a-z]+[^>]*class="[^"]*o_aftersales_print_time[^"]*"[^>]*>[^<]*</[a-z]+>'
)
_BODIES = "aftersales_report_bodies"


def html_fingerprint(html):
    """Checksum of a rendered document without its print time (issue 16): a reprint of an
    unchanged source gives the same one, whatever the PDF bytes."""
    return hashlib.sha1(_PRINT_TIME.sub("", str(html)).encode()).hexdigest()


class IrActionsReport(models.Model):
    """Printed documents of the reports that opt in (`_aftersales_filed_reports`, or named by an
    archive category) are filed in their project's archive (R38): one document is one entry. A
    reprint of an unchanged source files nothing; a changed source becomes a new version of the
    same entry, which keeps its index number (R37). A report with Odoo's own `attachment`
    expression files only the records the expression names (no drafts); with `attachment_use`,
    the stored PDF is reused, so a never-changing document stays one version."""

    _inherit = "ir.actions.report"

    def _aftersales_filed_reports(self):
        """XML ids of the reports whose prints are filed: an explicit list other addons extend;
        archive categories may name more (`report_xmlid`)."""
        return {
            "repair.action_report_repair_order",
            "aftersales_service.action_report_dispatch_travel",
            "aftersales_service.action_report_dispatch_work",
            "aftersales_service.action_report_pick_slip",
            "aftersales_service.action_report_consignment_note",
            "aftersales_service.aftersales_service_report_action_report",
        }

    def _aftersales_files_prints(self):
        self.ensure_one()
        if self.xml_id in self._aftersales_filed_reports():
            return True
        return bool(
            self.xml_id
            and self.env["aftersales.archive.category"]
            .sudo()
            .search_count([("report_xmlid", "=", self.xml_id)], limit=1)
        )

    def _render_qweb_pdf(self, report_ref, res_ids=None, data=None):
        report = self._get_report(report_ref)
        printing = self
        if report.attachment and report._aftersales_files_prints():
            # The PDF Odoo stores on the record for the `attachment` expression is not filed a
            # second time as a plain attachment: the print is filed, with its versions.
            printing = self.with_context(aftersales_report_printing=True)
        return super(IrActionsReport, printing)._render_qweb_pdf(
            report_ref, res_ids=res_ids, data=data
        )

    def retrieve_attachment(self, record):
        # `attachment_use` on a signed document: the PDF the customer signed is the document,
        # never rendered again (issue 16), whatever name Odoo would look for.
        if (
            self.attachment_use
            and "signed_attachment_id" in record._fields
            and record.signed_attachment_id
        ):
            return record.sudo().signed_attachment_id
        return super().retrieve_attachment(record)

    def _prepare_html(self, html, report_model=False):
        result = super()._prepare_html(html, report_model=report_model)
        bodies, res_ids = result[0], result[1]
        if report_model:
            store = self.env.cr.cache.setdefault(_BODIES, {})
            for body, res_id in zip(bodies, res_ids, strict=False):
                if res_id:
                    store[report_model, res_id] = html_fingerprint(body)
        return result

    def _render_qweb_pdf_prepare_streams(self, report_ref, data, res_ids=None):
        streams = super()._render_qweb_pdf_prepare_streams(report_ref, data, res_ids=res_ids)
        report = self._get_report(report_ref)
        fingerprints = self.env.cr.cache.pop(_BODIES, {})
        if (
            res_ids
            # A customer looking at a document on the portal files nothing (page views are
            # not events); nor does a caller that files the document itself.
            and not self.env.user.share
            and not self.env.context.get("aftersales_archive_no_filing")
            and self.env["ir.attachment"]._aftersales_project_path(report.model) is not None
            and report._aftersales_files_prints()
        ):
            records = self.env[report.model].sudo().browse(res_ids)
            # A model may keep some printouts out of the archive (a draft service report: only
            # the signed one is filed, when the customer signs).
            if hasattr(records, "_aftersales_archive_prints"):
                records = records._aftersales_archive_prints()
            # Odoo's own `attachment` expression: a record it names no file for is not filed.
            if report.attachment:
                records = records.filtered(
                    lambda r: safe_eval(report.attachment, {"object": r, "time": time})
                )
            contents = {
                res_id: stream_data["stream"].getvalue()
                for res_id, stream_data in streams.items()
                if res_id in records.ids and stream_data.get("stream")
            }
            if contents:
                report._aftersales_file_printed(
                    contents,
                    {
                        res_id: fingerprints[report.model, res_id]
                        for res_id in contents
                        if (report.model, res_id) in fingerprints
                    },
                )
        return streams

    def _aftersales_file_printed(self, contents, fingerprints=None):
        """File the printed PDFs `{res_id: bytes}` of this report: one entry per document,
        a new version when the source changed. `fingerprints` {res_id: checksum of the rendered
        HTML without print time}; else the PDF's checksum without its volatile metadata."""
        self.ensure_one()
        fingerprints = fingerprints or {}
        checksums = {
            res_id: fingerprints.get(res_id) or content_checksum(raw)
            for res_id, raw in contents.items()
        }
        Entry = self.env["aftersales.archive.entry"].sudo().with_context(active_test=False)
        Attachment = (
            self.env["ir.attachment"].sudo().with_context(aftersales_archive_no_filing=True)
        )
        filed = {
            entry.res_id: entry
            for entry in Entry.search(
                [
                    ("res_model", "=", self.model),
                    ("res_id", "in", list(contents)),
                    ("report_xmlid", "=", self.xml_id),
                ],
                order="id",
            )
        }
        now = self.env.cr.now()
        records = self.env[self.model].sudo().browse(list(contents)).exists()
        new_records, vals_list = [], []
        for record in records:
            checksum = checksums[record.id]
            write_date = record._log_access and record.write_date
            entry = filed.get(record.id)
            if entry:
                unchanged = checksum == entry.content_checksum or (
                    # Not written since the last version was filed (nor in this transaction).
                    write_date and write_date == entry.source_write_date and write_date < now
                )
                if not unchanged:
                    entry._add_version(contents[record.id], checksum, write_date)
                continue
            name = False
            if self.print_report_name:
                name = safe_eval(self.print_report_name, {"object": record, "time": time})
            name = name or self.env._(
                "%(report)s - %(record)s", report=self.name, record=record.display_name
            )
            # The PDF belongs to its archive entry (R39), not to the printed record: it is
            # attached to the entry once the entry exists.
            new_records.append(record)
            vals_list.append(
                {
                    "name": name if name.lower().endswith(".pdf") else f"{name}.pdf",
                    "raw": contents[record.id],
                    "mimetype": "application/pdf",
                    "res_model": Entry._name,
                    "res_id": 0,
                    "type": "binary",
                }
            )
        if not vals_list:
            return Entry.browse()
        attachments = Attachment.create(vals_list)
        entries = Entry._file_attachments(
            attachments,
            origin="report",
            report_xmlid=self.xml_id,
            checksums={
                a.id: checksums[r.id] for a, r in zip(attachments, new_records, strict=False)
            },
            sources={
                a.id: (self.model, r.id) for a, r in zip(attachments, new_records, strict=False)
            },
            extra_vals={
                a.id: {
                    "report_xmlid": self.xml_id,
                    "source_write_date": r._log_access and r.write_date,
                }
                for a, r in zip(attachments, new_records, strict=False)
            },
        )
        (attachments - entries.attachment_ids).unlink()  # nowhere to file them
        return entries

from odoo import _, models
from odoo.tools.safe_eval import safe_eval, time

from .aftersales_archive_entry import content_checksum

# Printing the register of an archive must not file the register into that archive.
NOT_FILED_REPORTS = {"aftersales_service.aftersales_archive_register_report"}


class IrActionsReport(models.Model):
    """Every document printed for a record that belongs to an after-sales project is filed once
    (R38). Reports with an `attachment` name already store their PDF as an attachment, which
    files it; the others are stored here, once per distinct content and source record."""

    _inherit = "ir.actions.report"

    def _render_qweb_pdf_prepare_streams(self, report_ref, data, res_ids=None):
        streams = super()._render_qweb_pdf_prepare_streams(report_ref, data, res_ids=res_ids)
        report = self._get_report(report_ref)
        if (
            res_ids
            and not report.attachment
            and report.xml_id not in NOT_FILED_REPORTS
            # A customer looking at a document on the portal files nothing (page views are
            # not events); nor does a caller that files the document itself.
            and not self.env.user.share
            and not self.env.context.get("aftersales_archive_no_filing")
            and self.env["ir.attachment"]._aftersales_project_path(report.model) is not None
        ):
            records = self.env[report.model].sudo().browse(res_ids)
            # A model may keep some printouts out of the archive (a draft service report: only
            # the signed one is filed, when the customer signs).
            if hasattr(records, "_aftersales_archive_prints"):
                records = records._aftersales_archive_prints()
            contents = {
                res_id: stream_data["stream"].getvalue()
                for res_id, stream_data in streams.items()
                if res_id in records.ids and stream_data.get("stream")
            }
            if contents:
                report._aftersales_file_printed(contents)
        return streams

    def _aftersales_file_printed(self, contents):
        """Store the printed PDFs `{res_id: bytes}` of this report and file them (dedupe by
        content checksum per source record)."""
        self.ensure_one()
        checksums = {res_id: content_checksum(raw) for res_id, raw in contents.items()}
        Entry = self.env["aftersales.archive.entry"].sudo()
        filed = Entry.with_context(active_test=False).search(
            [
                ("res_model", "=", self.model),
                ("res_id", "in", list(contents)),
                ("content_checksum", "in", list(checksums.values())),
            ]
        )
        known = {(entry.res_id, entry.content_checksum) for entry in filed}
        records = self.env[self.model].sudo().browse(list(contents)).exists()
        vals_list = []
        for record in records:
            if (record.id, checksums[record.id]) in known:
                continue
            name = False
            if self.print_report_name:
                name = safe_eval(self.print_report_name, {"object": record, "time": time})
            name = name or _("%(report)s - %(record)s", report=self.name, record=record.display_name)
            # The PDF belongs to its archive entry (R39), not to the printed record: it is
            # attached to the entry once the entry exists.
            vals_list.append(
                {
                    "name": f"{name}.pdf",
                    "raw": contents[record.id],
                    "mimetype": "application/pdf",
                    "res_model": Entry._name,
                    "res_id": 0,
                    "type": "binary",
                }
            )
        if not vals_list:
            return Entry
        attachments = (
            self.env["ir.attachment"].sudo().with_context(aftersales_archive_no_filing=True).create(vals_list)
        )
        record_ids = [record.id for record in records if (record.id, checksums[record.id]) not in known]
        entries = Entry._file_attachments(
            attachments,
            origin="report",
            report_xmlid=self.xml_id,
            checksums={a.id: checksums[res_id] for a, res_id in zip(attachments, record_ids)},
            sources={a.id: (self.model, res_id) for a, res_id in zip(attachments, record_ids)},
        )
        (attachments - entries.attachment_ids).unlink()  # nowhere to file them
        return entries

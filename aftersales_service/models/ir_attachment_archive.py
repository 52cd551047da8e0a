from odoo import api, models, tools
from odoo.exceptions import UserError

# Fields that point from a document to its project, and fields followed to reach one (R38):
# a dispatch reaches its project through its request, a briefing through its dispatch.
PROJECT_FIELDS = ("aftersales_project_id", "project_id")
VIA_FIELDS = ("ticket_id", "dispatch_id", "repair_id")
# How many of those steps are followed at most (briefing → dispatch → request → project).
VIA_STEPS_MAX = 2
NOT_FILED = {"aftersales.archive.entry", "aftersales.archive.counter"}
# What a filed file may never change once its entry owns it (R39): its content and its owner.
CONTENT_FIELDS = {"raw", "datas", "db_datas", "store_fname"}
FROZEN_FIELDS = CONTENT_FIELDS | {"url", "type", "res_model", "res_id", "res_field"}


class IrAttachment(models.Model):
    """Every attachment added to a record of a filed model (`_aftersales_filed_models`: request,
    repair, dispatch, service report …, or the project itself) that belongs to an after-sales
    project is filed once in the project's archive (R38); the path to the project is found by
    field. Other attachments of the database are left alone."""

    _inherit = "ir.attachment"

    @api.model
    def _aftersales_filed_models(self):
        """Models whose attachments and printouts are filed (R38): filing is opt-in, this is
        the explicit list, which other addons extend (archive categories may name more)."""
        return {
            "aftersales.project",
            "helpdesk.ticket",
            "repair.order",
            "stock.picking",
            "aftersales.dispatch",
            "aftersales.service.report",
        }

    @api.model
    def _aftersales_project_path(self, model_name):
        """Field path from a record of `model_name` to its after-sales project: '' for the
        project itself, None when the model is not filed in the archive (not opted in).
        Only the path is cached (it depends on the models' fields alone): whether a model is
        filed is read from the archive categories, when it is not filed by code."""
        if model_name not in self._aftersales_filed_models() and not self.env[
            "aftersales.archive.category"
        ].sudo().with_context(active_test=False).search_count(
            [("res_model", "=", model_name)], limit=1
        ):
            return None
        return self._aftersales_model_project_path(model_name)

    @api.model
    @tools.ormcache("model_name")
    def _aftersales_model_project_path(self, model_name):
        return self._aftersales_find_project_path(model_name, 0)

    @api.model
    def _aftersales_find_project_path(self, model_name, depth):
        if model_name == "aftersales.project":
            return ""
        model = self.env.get(model_name)
        if model is None or model_name in NOT_FILED or model._abstract or model._transient:
            return None
        for name in PROJECT_FIELDS:
            field = model._fields.get(name)
            if field and field.type == "many2one" and field.comodel_name == "aftersales.project":
                return name
        if depth < VIA_STEPS_MAX:
            for name in VIA_FIELDS:
                field = model._fields.get(name)
                if field and field.type == "many2one" and field.comodel_name != model_name:
                    sub = self._aftersales_find_project_path(field.comodel_name, depth + 1)
                    if sub is not None:
                        return f"{name}.{sub}" if sub else name
        return None

    def _aftersales_file(self):
        if self.env.context.get("aftersales_archive_no_filing") or self.env.context.get(
            "aftersales_report_printing"
        ):
            return
        candidates = self.filtered(
            lambda a: a.res_model and a.res_id and not a.res_field and a.type == "binary"
        )
        paths = {
            model: self._aftersales_project_path(model)
            for model in set(candidates.mapped("res_model"))
        }
        candidates = candidates.filtered(lambda a: paths[a.res_model] is not None)
        if candidates:
            self.env["aftersales.archive.entry"].sudo()._file_attachments(candidates.sudo())

    @api.model_create_multi
    def create(self, vals_list):
        attachments = super().create(vals_list)
        attachments._aftersales_file()
        return attachments

    def _aftersales_filed(self):
        """The attachments owned by an archive entry: the archive's own files."""
        return self.sudo().filtered(
            lambda a: a.res_model == "aftersales.archive.entry" and a.res_id
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_filed(self):
        filed = self._aftersales_filed()
        if filed:
            raise UserError(
                self.env._(
                    "%(files)s is filed in a project archive and kept for good (R39); it cannot be "
                    "deleted.",
                    files=", ".join(filed.mapped("name")),
                )
            )

    def write(self, vals):
        if FROZEN_FIELDS & vals.keys():
            filed = self._aftersales_filed().filtered(
                lambda a: any(
                    name in CONTENT_FIELDS or (a[name] or False) != (vals[name] or False)
                    for name in FROZEN_FIELDS & vals.keys()
                )
            )
            if filed:
                raise UserError(
                    self.env._(
                        "%(files)s is filed in a project archive and kept for good (R39); its "
                        "content and its entry cannot change.",
                        files=", ".join(filed.mapped("name")),
                    )
                )
        result = super().write(vals)
        if "res_model" in vals or "res_id" in vals:
            self._aftersales_file()
        return result

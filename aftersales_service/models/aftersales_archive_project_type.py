from odoo import fields, models


class AftersalesArchiveProjectType(models.Model):
    """A kind of project (e.g. turnkey line, single machine): it decides which archive sub-items
    its archive must hold (the register lists what is missing, R37)."""

    _name = "aftersales.archive.project.type"
    _description = "Kind of Project (Archive)"
    _order = "sequence, name, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    required_category_ids = fields.Many2many(
        "aftersales.archive.category",
        "aftersales_archive_category_project_type_rel",
        "project_type_id",
        "category_id",
        string="Required Documents",
    )

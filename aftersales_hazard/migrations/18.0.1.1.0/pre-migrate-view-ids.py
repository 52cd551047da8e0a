from odoo.addons.aftersales_service.tools.xmlids import rename_xmlids

# Inherited view ids that say they inherit (issue 20): <model>_view_<type>_inherit_<feature>,
# <template id>_inherit_<feature> for QWeb templates. Old name -> new name.
VIEW_IDS = {
    "aftersales_project_view_form_hazard": "aftersales_project_view_form_inherit_hazard",
    "aftersales_dispatch_view_form_hazard": "aftersales_dispatch_view_form_inherit_hazard",
    "aftersales_dispatch_view_list_hazard": "aftersales_dispatch_view_list_inherit_hazard",
}


def migrate(cr, version):
    """Existing databases before 18.0.1.1.0: the views of aftersales_hazard that extend
    another view keep their records (and database ids) under their new xml ids."""
    rename_xmlids(cr, "aftersales_hazard", VIEW_IDS)

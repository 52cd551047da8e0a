# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "After-sales Site Hazards",
    "summary": "Site hazard register per project and the hazard briefing gate on dispatch",
    "version": "18.0.1.1.0",
    "category": "After-Sales",
    "license": "LGPL-3",
    "author": "After-sales Service Team",
    "website": "https://github.com/aftersales/aftersales",
    "depends": ["aftersales_service"],
    "data": [
        "security/aftersales_hazard_security.xml",
        "security/ir.model.access.csv",
        "data/aftersales_archive_category_data.xml",
        "views/aftersales_hazard_views.xml",
        "wizards/aftersales_hazard_copy_views.xml",
        "report/aftersales_hazard_reports.xml",
    ],
    "demo": [
        "demo/aftersales_hazard_demo.xml",
        "demo/aftersales_hazard_briefing_demo.xml",
    ],
    "installable": True,
}

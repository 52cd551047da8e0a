# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "After-sales Service",
    "summary": "After-sales for engineering and equipment companies: project files, "
    "service requests with regulated deadlines, repairs, parts and dispatch",
    "version": "18.0.1.0.0",
    "category": "After-Sales",
    "license": "LGPL-3",
    "author": "After-sales Service Team",
    "website": "https://github.com/aftersales/aftersales",
    "depends": [
        "mail",
        "portal",
        "resource",
        "stock",
        "repair",
        "sale_management",
        "helpdesk_mgmt",
        "purchase_request",
        "hr_expense",
        "hr_expense_advance_clearing",
    ],
    "data": [
        "security/aftersales_security.xml",
        "security/ir.model.access.csv",
        "views/aftersales_project_views.xml",
        "views/helpdesk_ticket_views.xml",
        "views/stock_lot_views.xml",
        "views/res_config_settings_views.xml",
        "views/aftersales_menus.xml",
        "security/aftersales_service_report_security.xml",
        "data/aftersales_portal_data.xml",
        "report/aftersales_service_report_templates.xml",
        "views/aftersales_service_report_views.xml",
        "views/aftersales_portal_templates.xml",
    ],
    "demo": [
        "demo/aftersales_demo.xml",
        "demo/aftersales_portal_demo.xml",
    ],
    "application": True,
    "installable": True,
    "assets": {
        "web.assets_tests": [
            "aftersales_service/static/tests/tours/*.js",
        ],
    },
}

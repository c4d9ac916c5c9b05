"""Township Credit Desk (乡镇信用工作台): the product's services, free of Qt."""

__version__ = "0.1.0"

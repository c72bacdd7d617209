from . import mrp_product_produce

from . import test_document_register

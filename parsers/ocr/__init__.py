"""The scan path: page images (image files, PDF pages without a usable text layer) through
Tesseract and the Thai-digit reader into `parsers.layout`."""
from parsers.ocr.engine import OcrUnavailable, OcrWord
from parsers.ocr.reader import pdf_page_reader, read_image, read_page_image
from parsers.ocr.settings import OcrSettings

__all__ = ["OcrSettings", "OcrUnavailable", "OcrWord", "pdf_page_reader", "read_image",
           "read_page_image"]

"""The PDF text-layer extractor: `read_pdf(path) -> parsers.layout.Document`."""
from parsers.pdf.reader import PdfExtraction, PdfUnreadable, extract_pdf, read_pdf
from parsers.pdf.settings import PdfSettings

__all__ = ["PdfExtraction", "PdfSettings", "PdfUnreadable", "extract_pdf", "read_pdf"]

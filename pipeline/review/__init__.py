"""Review views of one article: the text with its extractions highlighted (terminal and HTML)."""

from pipeline.review.article import Article, DocumentNotFound, Span, find_doc_id, load_article

__all__ = ["Article", "DocumentNotFound", "Span", "find_doc_id", "load_article"]

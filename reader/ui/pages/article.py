from reader.ui import article_page

article_page.show()

from reader.ui import article_list

article_list.show()

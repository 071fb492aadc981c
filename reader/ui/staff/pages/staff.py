from reader.ui.staff import area

area.show()

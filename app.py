"""Streamlit entry: page set-up and navigation only. Run: streamlit run app.py"""

import streamlit as st

from reader.ui import state
from reader.ui.boundary import page_boundary
from reader.ui.layout import setup_page

setup_page()
page = st.navigation(
    [
        st.Page(state.LIST_PAGE, title="Tin tức", url_path="tin-tuc", default=True),
        st.Page(state.ARTICLE_PAGE, title="Bài viết", url_path="bai-viet"),
        st.Page("reader/ui/staff/pages/staff.py", title="Quản trị", url_path="quan-tri"),
    ],
    position="hidden",
)
with page_boundary():
    page.run()

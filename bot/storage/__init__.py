"""Chats, subscriptions, announcements, the delivery outbox and its log, behind SQLAlchemy 2.

SQLite by default (DATABASE_URL); the same code runs on PostgreSQL.
"""

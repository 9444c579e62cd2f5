"""SQLAlchemy 2.x tables: places, names, memberships, the derived search keys and build metadata."""
from __future__ import annotations

from sqlalchemy import Boolean, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class PlaceModel(Base):
    __tablename__ = "places"
    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    kind: Mapped[str] = mapped_column(String(64), index=True)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    country: Mapped[str | None] = mapped_column(String(2), index=True)
    geonames_ids: Mapped[str | None] = mapped_column(String(200))
    wof_ids: Mapped[str | None] = mapped_column(String(200))
    iso3166_2: Mapped[str | None] = mapped_column(String(10))
    wikidata: Mapped[str | None] = mapped_column(String(20))
    population: Mapped[int | None] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)
    row: Mapped[int] = mapped_column(Integer)  # position in places.csv: keeps exports in order


class NameModel(Base):
    __tablename__ = "names"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)  # position in toponyms.csv
    place_id: Mapped[str] = mapped_column(ForeignKey("places.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    lang: Mapped[str] = mapped_column(String(64), index=True)
    type: Mapped[str] = mapped_column(String(20))
    used_by: Mapped[str | None] = mapped_column(String(200))
    from_year: Mapped[int | None] = mapped_column(Integer)
    to_year: Mapped[int | None] = mapped_column(Integer)
    certainty: Mapped[str] = mapped_column(String(12))
    preferred: Mapped[bool] = mapped_column(Boolean)
    source: Mapped[str] = mapped_column(Text)
    derived_from: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)


class MembershipModel(Base):
    __tablename__ = "memberships"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    child_id: Mapped[str] = mapped_column(ForeignKey("places.id"), index=True)
    parent_id: Mapped[str] = mapped_column(ForeignKey("places.id"), index=True)
    authority: Mapped[str] = mapped_column(String(64))
    from_year: Mapped[int | None] = mapped_column(Integer)
    to_year: Mapped[int | None] = mapped_column(Integer)
    certainty: Mapped[str] = mapped_column(String(12))
    source: Mapped[str] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)


class SearchKeyModel(Base):
    """Derived: normalized keys -> names, rebuilt with the database."""
    __tablename__ = "search_keys"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(Text)
    name_id: Mapped[int] = mapped_column(ForeignKey("names.id"))
    stage: Mapped[str] = mapped_column(String(20))
    scheme: Mapped[str | None] = mapped_column(String(64))
    __table_args__ = (Index("ix_search_keys_key", "key"),)


class MetaModel(Base):
    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)

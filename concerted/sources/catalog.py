"""What each official list is, without its parser: ids, jurisdictions, titles, addresses,
count bounds and cadence.

Kept apart from the parser modules so that everything that only names or describes a list
(every CLI command's options, the analyses, the pages) starts without importing lxml,
openpyxl and the reference tables: a `Source` imports its parser on first `parse`/`detect`.
"""

from __future__ import annotations

from concerted.sources.base import Source

__all__ = [
    "AU_DFAT",
    "CATALOG",
    "CA_SEMA",
    "EU_FSF",
    "EU_JOURNAL",
    "GB_FCDO_UKSL",
    "GB_HMT_CONLIST",
    "UN_SC",
    "US_OFAC_SDN",
]  # fmt: skip

US_OFAC_SDN = Source(
    id="us_ofac_sdn",
    jurisdiction="us",
    title="Specially Designated Nationals and Blocked Persons List (SDN)",
    publisher="U.S. Department of the Treasury, Office of Foreign Assets Control (OFAC)",
    # OFAC's Sanctions List Service, where www.treasury.gov/ofac/downloads/ now redirects
    # (another host: fetch refuses cross-host redirects). Its files are named in capitals.
    url="https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.CSV",
    formats=("csv", "xml"),
    # Shared history: 6,068 (2018-01-27) .. 14,965 (2024-05-03) listings. The fixed floor
    # is half the smallest real file; a file cut short today is caught by comparing it with
    # the stored snapshots nearest in time (Source.check_neighbours).
    min_listings=3_000,
    max_listings=30_000,
    parser="concerted.sources.us_ofac_sdn",
    cadence_days=1,
    verified=True,
    companions=("sdn.csv", "alt.csv", "add.csv", "sdn_comments.csv", "sdn.xml", "sdn_advanced.xml"),
    # Only the advanced XML prints each entry's designation date; read beside the CSV set it
    # dates the same entries the stored CSV history holds (us_ofac_sdn.parse).
    dated_by="sdn_advanced.xml",
)


GB_HMT_CONLIST = Source(
    id="gb_hmt_conlist",
    jurisdiction="gb",
    title="OFSI Consolidated List of Financial Sanctions Targets",
    publisher="HM Treasury, Office of Financial Sanctions Implementation (OFSI)",
    url="https://ofsistorage.blob.core.windows.net/publishlive/2022format/ConList.csv",
    formats=("xlsx", "csv", "xml"),
    # 4,688 groups on 2025-04-14 and ~5,100 when the list was frozen in January 2026; a
    # file with fewer than 3,000 is truncated (or from before the 2022 Russia listings).
    min_listings=3000,
    max_listings=8000,
    parser="concerted.sources.gb_hmt_conlist",
    cadence_days=7,
    verified=True,
    parser_version="3",  # 2: per-regime Listed On; 3: places of birth (issue 11)
)


GB_FCDO_UKSL = Source(
    id="gb_fcdo_uksl",
    jurisdiction="gb",
    title="UK Sanctions List",
    publisher="Foreign, Commonwealth & Development Office (FCDO)",
    url="https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.xml",
    formats=("xml", "csv", "ods"),
    # 6,334 designations in September 2026 (third-party count of the live XML); the OFSI
    # list it absorbed had 4,688 groups in April 2025. Half a list is refused.
    min_listings=4000,
    max_listings=12000,
    parser="concerted.sources.gb_fcdo_uksl",
    cadence_days=7,
    verified=False,
    parser_version="3",  # 2: per-regime dates; 3: places of birth (issue 11)
)


EU_FSF = Source(
    id="eu_fsf",
    jurisdiction="eu",
    title="EU Financial Sanctions Files: consolidated list of persons, groups and entities "
    "subject to EU financial sanctions",
    publisher="European Commission (DG FISMA), Financial Sanctions Database",
    url="https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content"
    "?token=dG9rZW4tMjAxNw",
    formats=("xml", "csv"),
    # The list held about 6,200 entities in mid-2026 (a 2026-07-31 XML: 6,239; a 2026-08-05
    # CSV: 6,234) and grew through 2022-2025; min 2,500 follows the project brief, max leaves
    # room for growth. Ingest calls check_count.
    min_listings=2_500,
    max_listings=9_000,
    parser="concerted.sources.eu_fsf",
    cadence_days=7,
    verified=False,
)


EU_JOURNAL = Source(
    id="eu_journal",
    jurisdiction="eu",
    title="EU Global Human Rights sanctions regime: consolidated Annex I of Regulation (EU) "
    "2020/1998, from the Official Journal",
    publisher="Council of the EU (Official Journal, EUR-Lex), as transcribed by OpenSanctions",
    url="https://raw.githubusercontent.com/opensanctions/opensanctions/main/datasets/eu/"
    "journal_sanctions/data/consolidated/32020R1998.csv",
    formats=("csv",),
    # The annex held 4 entries on 2 March 2021 and 177 on 28 May 2026; a truncated copy is
    # caught by its cut last row and by the neighbouring snapshots (check_neighbours).
    min_listings=4,
    max_listings=1_000,
    parser="concerted.sources.eu_journal",
    cadence_days=30,  # the Council lists in rounds a few times a year
    programs=("eu-ghr",),
    scope="human-rights regime only, from the Official Journal annex",
)


CA_SEMA = Source(
    id="ca_sema",
    jurisdiction="ca",
    title="Consolidated Canadian Autonomous Sanctions List",
    publisher="Global Affairs Canada",
    url=(
        "https://www.international.gc.ca/world-monde/assets/office_docs/"
        "international_relations-relations_internationales/sanctions/sema-lmes.xml"
    ),
    formats=("xml",),
    min_listings=1000,  # 1,369 in April 2020; about 5,700 by 2026
    max_listings=12000,
    parser="concerted.sources.ca_sema",
    cadence_days=7,
    parser_version="2",  # 2: one-word aliases made whole names (issue 11)
)


AU_DFAT = Source(
    id="au_dfat",
    jurisdiction="au",
    title="Australian Sanctions Consolidated List",
    publisher="Department of Foreign Affairs and Trade (DFAT)",
    url="https://www.dfat.gov.au/sites/default/files/regulation8_consolidated.xlsx",
    formats=("xlsx",),
    min_listings=2000,  # 3,062 listings in November 2024
    max_listings=6000,
    parser="concerted.sources.au_dfat",
    cadence_days=7,
    reuses_keys=True,
    parser_version="4",  # 2: Control Date bounds; 3: dates, lists; 4: scripts (issue 11)
)


UN_SC = Source(
    id="un_sc",
    jurisdiction="un",
    title="United Nations Security Council Consolidated List",
    publisher="United Nations Security Council",
    url="https://scsanctions.un.org/resources/xml/en/consolidated.xml",
    formats=("xml",),
    min_listings=600,  # 879 in November 2024; about 1,000 at most over the last decade
    max_listings=1500,
    parser="concerted.sources.un_sc",
    cadence_days=7,
    parser_version="2",  # 2: alias birth-date ranges, dates in words, scripts (issue 11)
)



CATALOG: tuple[Source, ...] = (
    US_OFAC_SDN, GB_HMT_CONLIST, GB_FCDO_UKSL, EU_FSF, EU_JOURNAL, CA_SEMA, AU_DFAT, UN_SC,
)

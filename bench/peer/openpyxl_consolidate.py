#!/usr/bin/python3
"""The peer a coordinator would write today: copy the indicator rows of every workbook into one sheet.

Usage: openpyxl_consolidate.py OUT.xlsx FILE_OR_FOLDER...
Straightforward openpyxl: load each workbook, find the 指標 header row (項目（単位）), copy the rows under it
until the table ends, save one sheet. No validation, no judgement, no latest-per-division.
"""
import os
import sys

from openpyxl import Workbook, load_workbook

HEADER = "項目（単位）"


def workbooks(inputs):
    for item in inputs:
        if os.path.isdir(item):
            for root, _dirs, files in os.walk(item):
                for name in sorted(files):
                    if name.endswith(".xlsx") and not name.startswith(("~$", ".")):
                        yield os.path.join(root, name)
        else:
            yield item


def indicator_rows(ws):
    header = None
    for row in ws.iter_rows():
        for cell in row:
            if cell.value == HEADER:
                header = (cell.row, cell.column)
                break
        if header:
            break
    if not header:
        return
    top, col = header
    for r in range(top + 1, ws.max_row + 1):
        label = ws.cell(row=r, column=col).value
        if label is None or str(label).startswith("取り組み"):
            break
        yield [ws.cell(row=r, column=c).value for c in range(col, col + 8)]


def main():
    out, inputs = sys.argv[1], sys.argv[2:]
    summary = Workbook()
    sheet = summary.active
    sheet.title = "指標一覧"
    sheet.append(["ファイル", "シート", "項目（単位）", "実績1", "実績2", "実績3", "目標", "結果", "補足", "評価"])
    files = rows = 0
    for path in workbooks(inputs):
        files += 1
        try:
            wb = load_workbook(path, data_only=True)
        except Exception as err:  # noqa: BLE001 - a coordinator's script skips what it cannot open
            print(f"skip {path}: {err}", file=sys.stderr)
            continue
        for ws in wb.worksheets:
            for values in indicator_rows(ws):
                sheet.append([os.path.basename(path), ws.title, *values])
                rows += 1
    summary.save(out)
    print(f"{files} files, {rows} rows")


if __name__ == "__main__":
    main()

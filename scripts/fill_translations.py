#!/usr/bin/env python3
"""Refresh the Simplified Chinese catalogue: extract every string, fill it from the glossary below, compile.

    .venv/bin/python scripts/fill_translations.py               # lupdate, fill, lrelease
    .venv/bin/python scripts/fill_translations.py --no-extract  # fill and lrelease only
    .venv/bin/python scripts/fill_translations.py --check       # report; exit 1 if anything is unfinished
    .venv/bin/python scripts/fill_translations.py --overwrite   # re-apply the dictionary to finished messages too

New strings: run the script; it lists every (context, source) it has no translation for. Add them to
TRANSLATIONS (context-specific) or FALLBACK (any context) below and run it again. Hand edits made in Qt
Linguist survive: only unfinished messages are filled unless --overwrite is given.

The lupdate options must recognise `N`, the name the code imports QT_TRANSLATE_NOOP as
(`from .i18n import QT_TRANSLATE_NOOP as N`); without `-tr-function-alias QT_TRANSLATE_NOOP+=N` lupdate
misses every status, priority, source, duty, role, action, column and report string, and
`-no-obsolete` then deletes their translations from the .ts.
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "commandcenter"
TS = ROOT / "resources" / "translations" / "commandcenter_zh_CN.ts"
QM = TS.with_suffix(".qm")
LUPDATE_OPTIONS = ("-extensions", "py", "-no-obsolete", "-tr-function-alias", "QT_TRANSLATE_NOOP+=N")


# ---- the dictionary ----------------------------------------------------------------------------
# FALLBACK: by source text alone, for words that read the same in every context.
FALLBACK: dict[str, str] = {
    # shared words
    "Case": "案件编号",
    "Cases": "案件",
    "Priority": "紧急程度",
    "Status": "状态",
    "Category": "类别",
    "Source": "来源",
    "Street": "街道",
    "Community": "社区",
    "Grid": "网格",
    "Unit grid": "单元网格",
    "Location": "位置",
    "Assignee": "承办方",
    "Handler": "承办方",
    "Deadline": "时限",
    "Received": "接报时间",
    "Name": "姓名",
    "Phone": "电话",
    "Officers": "网格员",
    "Shift": "班次",
    "Days": "适用日",
    "Notes": "交班说明",
    "No notes.": "无交班说明。",
    "Pending items": "待办事项",
    "Due": "时限",
    "Done": "已办",
    "What to do": "事项",
    "Draft": "草稿",
    "Signed": "已签字",
    "Acknowledged": "已确认",
    "Correction": "更正",
    "PDF": "PDF",
    "Cancel": "取消",
    "Close": "关闭",
    "Open": "在办",
    "Open cases": "在办案件",
    "Overdue cases": "超时案件",
    "Escalated cases": "催督办案件",
    "Urgent cases of the shift": "本班紧急案件",
    "Suspended cases": "挂账案件",
    "Overdue now": "当前超时",
    "Open now": "当前在办",
    "Loading…": "正在加载…",
    "Dispatch": "派遣",
    "Reassign": "改派",
    "New case": "新建案件",
    "Closed": "已结案",
    "Suspended": "已挂账",
    "Overdue": "已超时",
    "Due soon": "即将超时",
    "Urgent": "紧急",
    "High": "较急",
    "Normal": "一般",
    "Low": "低",
    "On duty": "在岗",
    "In the field": "外勤",
    "Off duty": "离岗",
    "On leave": "请假",
    "All statuses": "全部状态",
    "All streets": "全部街道",
    "All communities": "全部社区",
    "&Language": "语言(&L)",
    "Import refused": "导入被拒绝",
    "Importing {file}…": "正在导入 {file}…",
    " — needs the import permission (administrators)": " — 需要导入权限（管理员）",
    "{file}: nothing was imported. Fix these {n} problem(s) and import the file again:":
        "{file}：未导入任何数据。请修正以下 {n} 个问题后重新导入：",
    "Add correction…": "添加更正…",
    "This handover is acknowledged and stays as it is. Write the correction note:":
        "该交接班记录已确认，将保持原样。请填写更正说明：",
    "Correction #{id} added": "已添加更正 #{id}",
    "Acknowledged by {name} at {time}": "{name} 于 {time} 确认",
    "Signed by {name} at {time}": "{name} 于 {time} 签字",
    "Corrected by note(s): {ids}": "更正记录：{ids}",
    "case {number}": "案件 {number}",
    "by {time}": "{time} 前",
    "{shift} shift of {date}": "{date} {shift}",
    "None.": "无。",
    "… and {n} more.": "… 另有 {n} 件。",
    "The shift in figures": "本班数据",
    "Open cases by stage": "在办案件（按环节）",
    "Officers off duty or on leave ({n})": "离岗或请假的网格员（{n}）",
    "Drafted from the database at {time}": "已于 {time} 根据数据库起草",
    "Correction to handover #{id}": "交接班记录 #{id} 的更正",
    "None with open cases.": "无人持有在办案件。",
    "{n} open": "在办 {n} 件",

    # ages, weekdays and durations: `tr` handed to a module function (today in the empty context)
    "just now": "刚刚",
    "{n} min ago": "{n}分钟前",
    "{n} h ago": "{n}小时前",
    "{n} d ago": "{n}天前",
    "every day": "每天",
    "Mon–Fri": "周一至周五",
    "weekends": "周末",
    "Mon": "周一",
    "Tue": "周二",
    "Wed": "周三",
    "Thu": "周四",
    "Fri": "周五",
    "Sat": "周六",
    "Sun": "周日",
    "{d} d {h} h": "{d}天{h}小时",
    "{d} d": "{d}天",
    "{h} h {m:02d} min": "{h}小时{m:02d}分",
    "{m} min": "{m}分钟",

    # ActionParamsDialog
    "{action} — {case}": "{action} — {case}",
    "{action}: case {case}": "{action}：案件 {case}",
    "{category} · grid {grid} ({community}) · {status}\n{description}":
        "{category} · 网格 {grid}（{community}）· {status}\n{description}",
    "{action} (Enter)": "{action}（Enter）",
    "{action} (Ctrl+Enter)": "{action}（Ctrl+Enter）",
    "Extend by": "延期时长",
    "Rating *": "评价等级 *",
    "Merge into which case? *": "合并到哪个案件？*",
    "Filter by case number, category, address or text": "按案件编号、类别、地址或描述筛选",
    "Show open cases in every grid, not only grid {grid}": "显示所有网格的在办案件，不限于网格 {grid}",
    "1 working day": "1个工作日",
    "1 day": "1天",
    "30 min": "30分钟",
    "1 h": "1小时",
    "2 h": "2小时",
    "4 h": "4小时",
    "Custom…": "自定义…",
    " min": " 分钟",
    "counted in working time: office hours on working days": "按工作时间计：仅计工作日的办公时间",
    "counted in calendar time": "按自然时间计",
    "Handling deadline {old} → {new}  (+{span}, {clock})": "处置时限 {old} → {new}（+{span}，{clock}）",
    "Keys 1–5 choose the stars": "按数字键 1–5 选择星级",
    "No other open case in the whole centre.": "整个指挥中心没有其他在办案件。",
    "No other open case in this grid: tick the box below to look in every grid.":
        "本网格没有其他在办案件：勾选下方选项可在所有网格中查找。",
    "No case matches the filter.": "没有符合筛选条件的案件。",
    "Open cases: {n} · Up/Down to choose, Enter to merge.": "在办案件 {n} 件 · 用上/下方向键选择，按 Enter 合并。",
    "Choose the case to merge into.": "请选择要合并到的案件。",
    "Choose a rating from 1 to 5 stars.": "请选择 1 至 5 星的评价。",
    "Choose how long to extend.": "请选择延期时长。",
    "A reason is required: {prompt}": "必须填写原因：{prompt}",
    "The text is too long: at most {limit} characters, now {count}.": "内容过长：最多 {limit} 个字符，当前 {count} 个字符。",
    "Very dissatisfied": "非常不满意",
    "Dissatisfied": "不满意",
    "Acceptable": "基本满意",
    "Satisfied": "满意",
    "Very satisfied": "非常满意",
    "Why is the report invalid?": "该上报为何作废？",
    "What must be redone?": "哪些方面需要返工？",
    "Why is the case suspended?": "该案件为何挂账？",
    "Why is the case reopened?": "该案件为何重新打开？",
    "Why is more time needed?": "为何需要延期？",
    "What was done on site?": "现场做了哪些处置？",
    "Comment (optional)": "评价意见（选填）",
    "Note (optional)": "备注（选填）",

    # BasemapBoundsDialog
    "Place the basemap": "设置底图位置",
    "The image has no world file (.pgw, .jgw, .wld). Give the WGS84 longitude and latitude of its edges; north must be up.":
        "该图片没有坐标文件（.pgw、.jgw、.wld）。请输入图片四边的 WGS84 经纬度；图片须为上北下南。",
    "West (min. longitude)": "西（最小经度）",
    "South (min. latitude)": "南（最小纬度）",
    "East (max. longitude)": "东（最大经度）",
    "North (max. latitude)": "北（最大纬度）",

    # BriefingView
    "Whole day": "全天",
    "{name} shift ({start}–{end})": "{name}（{start}–{end}）",
    "Briefing": "简报",
    "&Day": "日期(&D)",
    "&Period": "时段(&P)",
    "Page 1 of the briefing appears here once it is built": "简报生成后，第 1 页将显示在此处",
    "Build briefing": "生成简报",
    "Build the PDF and record it as issued": "生成 PDF 并登记为已印发",
    "Open in the system's PDF viewer": "用系统的 PDF 阅读器打开",
    "Print…": "打印…",
    "Save as…": "另存为…",
    "At a glance": "概览",
    "New": "新增",
    "Due to close": "应结案",
    "Closure rate": "结案率",
    "On-time closure rate": "按期结案率",
    "Issued briefings (double-click to open)": "已印发的简报（双击打开）",
    "Gathering the figures…": "正在汇总数据…",
    "Counting the KPIs…": "正在计算考核指标…",
    "Counting by hour, category, street…": "正在按时段、类别、街道统计…",
    "Finding hotspots…": "正在查找热点网格…",
    "Listing overdue cases…": "正在列出超时案件…",
    "Laying out pages…": "正在排版…",
    "Briefing ready: {path} ({kb} KB), recorded as issued by {user}": "简报已生成：{path}（{kb} KB），已登记为由 {user} 印发",
    "No preview": "无预览",
    "No preview: poppler-utils (pdftoppm) is not installed": "无法预览：未安装 poppler-utils（pdftoppm）",
    "The file is no longer at {path}": "文件已不在 {path}",
    "Save briefing": "保存简报",
    "PDF (*.pdf)": "PDF 文件 (*.pdf)",
    "Could not save to {path}: {reason}": "无法保存到 {path}：{reason}",
    "Saved to {path}": "已保存到 {path}",
    "Printing from here needs poppler-utils (pdftoppm). Open the PDF and print it from the viewer instead.":
        "在此打印需要 poppler-utils（pdftoppm）。请打开 PDF，改从阅读器中打印。",
    "Preparing pages for the printer…": "正在准备打印页面…",
    "Sent {n} pages to {printer}": "已将 {n} 页发送到打印机 {printer}",

    # CaseDetailPanel
    "No case selected.\nSelect a case on the wall to see every field and its history.":
        "未选择案件。\n在案件墙上选择一个案件，即可查看全部信息及办理过程。",
    "Place": "位置",
    "Times (local)": "时间（本地）",
    "Time limits and outcome": "时限与结果",
    "anonymous": "匿名",
    "not dispatched": "未派遣",
    "Reminder sent": "已催办",
    "Escalated to supervisor": "已升级督办",
    "Overdue by {span} (was due {at})": "已超时 {span}（时限为 {at}）",
    "{state}: due {at} (in {span})": "{state}：{at} 到期（剩余 {span}）",
    "system": "系统",
    "by {who}": "操作人：{who}",
    "handler: {name}": "承办方：{name}",
    "Reporter": "反映人",
    "Community / street": "社区 / 街道",
    "Address": "地址",
    "Coordinates": "坐标",
    "Accepted": "签收时间",
    "Evaluated": "评价时间",
    "Current stage due": "当前环节时限",
    "Handling deadline": "处置时限",
    "Extended by": "已延期",
    "Time suspended": "挂账时长",
    "Rework rounds": "返工次数",
    "Escalation": "催督办",
    "Rating": "评价",
    "Merged into": "已合并至",
    "Reject reason": "作废原因",

    # DispatchDialog
    "Reassign case {case}": "改派案件 {case}",
    "Reassign {n} cases to one handler": "将 {n} 个案件改派给同一承办方",
    "Dispatch case {case}": "派遣案件 {case}",
    "Dispatch {n} cases to one handler": "将 {n} 个案件派遣给同一承办方",
    "Result": "结果",
    "Suggested handlers (best first)": "推荐承办方（最匹配的在前）",
    "Suggested handlers for the first case, {case}": "为第一个案件 {case} 推荐的承办方",
    "Name, employee number or pinyin initials — Up/Down to choose": "姓名、工号或拼音首字母 — 用上/下方向键选择",
    "To top suggestion (Ctrl+D)": "派给首位推荐（Ctrl+D）",
    "officer": "网格员",
    "department": "职能部门",
    "— currently assigned": "— 当前承办",
    "No suggestion for this case: find a handler below.": "该案件没有推荐：请在下方查找承办方。",
    "Or find any officer or department ({shown} of {total} listed; type to narrow)":
        "或查找任一网格员或职能部门（共 {total} 个，列出 {shown} 个；输入文字可缩小范围）",
    "Or find any officer or department": "或查找任一网格员或职能部门",
    "open cases: {n}": "在办案件：{n}",
    "currently assigned": "当前承办",
    "{verb} (Enter)": "{verb}（Enter）",
    "{verb} to {name} (Enter)": "{verb}给 {name}（Enter）",
    "Choose a suggestion or find a handler first.": "请先选择推荐项或查找承办方。",
    "There is no suggestion: find a handler by name.": "没有推荐：请按姓名查找承办方。",
    "sent to {name}": "已派给 {name}",
    "not sent": "未派出",
    "{done} of {total} cases sent; not sent:": "{total} 个案件中已派出 {done} 个；未派出的：",
    "Sending…": "正在提交…",

    # handovers
    "Date": "日期",
    "Written by": "填写人",
    "Acknowledged by": "确认人",
    "Items": "事项数",
    " (correction to #{id})": "（更正 #{id}）",
    "This shift": "本班",
    "To acknowledge": "待确认",
    "Handover": "交接班",
    "Search notes, items, case numbers, authors or a date (YYYY-MM-DD)":
        "搜索交班说明、事项、案件编号、填写人或日期（YYYY-MM-DD）",
    "Any status": "全部状态",
    "Signed handovers waiting for a supervisor to acknowledge them": "已签字、等待值班长确认的交接班记录",
    "Handover #{id} acknowledged": "交接班记录 #{id} 已确认",
    "Reported {reported} · registered {registered} · dispatched {dispatched} · fed back {fed_back} · closed {closed} · open now {open_now} · overdue now {overdue_now}":
        "上报 {reported} · 立案 {registered} · 派遣 {dispatched} · 反馈 {fed_back} · 结案 {closed} · 当前在办 {open_now} · 当前超时 {overdue_now}",
    "Draft handover": "起草交接班",
    "Draft the handover of this shift from the database": "根据数据库起草本班的交接班记录",
    "Save": "保存",
    "Sign": "签字",
    "Sign and pass to the incoming supervisor": "签字并移交接班值班长",
    "Open the handover record as a PDF to print": "以 PDF 打开交接班记录，以便打印",
    "Notes for the next shift": "给下一班的交班说明",
    "What the next shift must know…": "下一班需要了解的情况…",
    "Case no. (optional)": "案件编号（选填）",
    "e.g. call back the reporter at 09:00": "如：09:00 回访反映人",
    "Add item": "添加事项",
    "Remove": "移除",
    "{shift} shift of {date}, {start}–{end}: {status}": "{date} {shift}，{start}–{end}：{status}",
    "{shift} shift of {date}, {start}–{end}: no handover yet": "{date} {shift}，{start}–{end}：尚无交接班记录",
    "Refresh draft": "刷新草稿",
    "Saved": "已保存",
    "Signed at {time}: waiting for the incoming supervisor": "已于 {time} 签字：等待接班值班长确认",

    # IssuedModel
    "Issued": "印发时间",
    "By": "印发人",
    "Period": "时段",
    "Language": "语言",
    "SHA-256": "SHA-256",
    "Day {day}": "{day} 全天",
    "Shift {start} to {end}": "班次 {start} 至 {end}",

    # MainWindow
    " [DEMO]": " [演示]",
    "Grid Command Centre — {centre} — {db}{demo}": "网格化指挥中心 — {centre} — {db}{demo}",
    "&File": "文件(&F)",
    "&Quit": "退出(&Q)",
    "&View": "视图(&V)",
    "&Help": "帮助(&H)",
    "&Keyboard shortcuts (F1 on the wall)": "键盘快捷键(&K)（在案件墙上按 F1）",
    "&About Grid Command Centre": "关于网格化指挥中心(&A)",
    "{name} ({role}) · {centre}": "{name}（{role}）· {centre}",
    "Open {open} · Overdue {overdue} · Reported {reported} · Closed {closed} · Cases {cases}":
        "在办 {open} · 超时 {overdue} · 待立案 {reported} · 已结案 {closed} · 案件总数 {cases}",
    "Live": "实时",
    "Changes from other seats appear within a second": "其他席位的变更会在一秒内显示",
    "Database unreachable — retrying": "无法连接数据库 — 正在重试",
    "About Grid Command Centre": "关于网格化指挥中心",
    "<b>Grid Command Centre</b> {version}<br>Case wall, dispatch, roster, grid maps, handovers and briefings for grid command centres.<br><br>Database: {db}<br>Schema: {schema}<br>Log file: {log}":
        "<b>网格化指挥中心</b> {version}<br>为网格化管理指挥中心提供案件墙、派遣、网格员名册、网格地图、交接班和简报。<br><br>数据库：{db}<br>数据库结构版本：{schema}<br>日志文件：{log}",

    # MapCanvas
    "No data": "无数据",
    "no data": "无数据",
    "Grid {code}": "网格 {code}",
    "Grid map": "网格地图",
    "Map legend": "地图图例",
    "%n open case(s)": "在办案件 %n 件",

    # MapView
    "Colour grids by": "网格着色依据",
    "Layers": "图层",
    "Unit grids": "单元网格",
    "Community and street boundaries": "社区和街道边界",
    "Basemap": "底图",
    "Only on duty or in the field": "仅显示在岗或外勤",
    "Zoom to": "定位到",
    "Street or community (name or initials)": "街道或社区（名称或拼音首字母）",
    "Whole city": "全市",
    "Import grids (GeoJSON)…": "导入网格（GeoJSON）…",
    "Unit grids from a GeoJSON FeatureCollection of polygons with code and name (WGS84)":
        "从 GeoJSON 面要素集合（FeatureCollection，含编码和名称，WGS84）导入单元网格",
    "Load basemap image…": "加载底图图片…",
    "A north-up image with a world file (.pgw, .jgw, .wld); no internet connection is needed":
        "上北下南的图片，附坐标文件（.pgw、.jgw、.wld）；无需联网",
    "Remove basemap": "移除底图",
    "Click the map to pick the location for the new case (Esc cancels)": "在地图上点击，为新案件选取位置（按 Esc 取消）",
    "The map could not be read: {error}": "无法读取地图：{error}",
    "Loading the map…": "正在加载地图…",
    "No unit grids yet: import them from a GeoJSON file.": "尚无单元网格：请从 GeoJSON 文件导入。",
    "{grids} unit grids · {cases} open cases · {shown} of {placed} placed officers shown":
        "单元网格 {grids} 个 · 在办案件 {cases} 件 · 有定位的网格员 {placed} 名，显示 {shown} 名",
    "Picked {lon:.6f}, {lat:.6f}": "已选取 {lon:.6f}, {lat:.6f}",
    "Import unit grids": "导入单元网格",
    "GeoJSON (*.geojson *.json);;All files (*)": "GeoJSON 文件 (*.geojson *.json);;所有文件 (*)",
    "Imported {created} new and {updated} changed grids from {file}; created {districts} districts, {streets} streets, {communities} communities.":
        "已从 {file} 导入网格：新增 {created} 个，更新 {updated} 个；新建区/县 {districts} 个、街道 {streets} 个、社区 {communities} 个。",
    "Warnings:": "警告：",
    "Load a basemap image": "加载底图图片",
    "Images (*.png *.jpg *.jpeg *.tif *.tiff *.bmp);;All files (*)":
        "图片 (*.png *.jpg *.jpeg *.tif *.tiff *.bmp);;所有文件 (*)",
    "{file} is not an image this program can read": "{file} 不是本程序可读取的图片",
    "Basemap {file} loaded": "已加载底图 {file}",
    "Map": "网格地图",

    # NewCaseDialog
    "Call": "接报",
    "Details": "详情",
    "&Source": "来源(&S)",
    "&Priority": "紧急程度(&P)",
    "Keys 1–4: urgent, high, normal, low": "数字键 1–4：紧急、较急、一般、低",
    "&Category": "类别(&C)",
    "Type a code, Chinese, English or pinyin initials (e.g. ldbl) — Up/Down to choose":
        "输入编码、中文、英文或拼音首字母（如 ldbl）— 用上/下方向键选择",
    "Lon / &lat": "经度 / 纬度(&L)",
    "Longitude, e.g. 119.0075 (or paste “lon, lat”)": "经度，如 119.0075（或粘贴“经度, 纬度”）",
    "Latitude, e.g. 25.4312": "纬度，如 25.4312",
    "Pick on &map": "地图选点(&M)",
    "Or choose": "或选择",
    "&Address": "地址(&A)",
    "Street and number, landmark": "路名门牌号、标志性建筑",
    "&Description *": "问题描述(&D) *",
    "What the caller reports (required)": "反映人所述问题（必填）",
    "&Reporter": "反映人(&R)",
    "Register at once": "直接立案",
    "Save case (Ctrl+Enter)": "保存案件（Ctrl+Enter）",
    "{major} ({code})": "{major}（{code}）",
    "No category chosen yet": "尚未选择类别",
    "Category: {code} {zh} · {en} ({major})": "类别：{code} {zh} · {en}（{major}）",
    "Outside every grid — check the coordinates": "不在任何网格内 — 请检查坐标",
    "Finding the grid…": "正在查找所属网格…",
    "Enter both longitude and latitude as numbers": "请以数字形式输入经度和纬度",
    "Click the location on the map…": "请在地图上点击位置…",
    "{grid} (chosen from the list)": "{grid}（从列表中选择）",
    "Enter coordinates, pick on the map, or choose street → community → grid":
        "输入坐标、在地图上选点，或依次选择街道 → 社区 → 网格",
    "{code} · {name} ({community}, {street})": "{code} · {name}（{community}，{street}）",
    "Choose a category: type into the category search.": "请选择类别：在类别搜索框中输入。",
    "A description is required.": "必须填写问题描述。",
    "Enter both longitude and latitude as numbers.": "请以数字形式输入经度和纬度。",
    "A location is required: coordinates, a point on the map or a grid.": "必须提供位置：坐标、地图上的点或网格。",
    "Saving…": "正在保存…",

    # roster
    "Cases assigned to the officer and not yet closed (click to sort by load)": "分派给该网格员且尚未结案的案件（点击按工作量排序）",
    "Employee no.": "工号",
    "Duty status": "在岗状态",
    "Shift now": "当前班次",
    "Grids": "负责网格",
    "Street / community": "街道 / 社区",
    "Last position": "最近位置",
    "Seen": "定位时间",
    "never": "从未定位",
    "Search name, pinyin initials or employee no. (Ctrl+F)": "搜索姓名、拼音首字母或工号（Ctrl+F）",
    "Officer roster": "网格员名册",
    "Set the selected officers {status} ({keys})": "将所选网格员设为“{status}”（{keys}）",
    "Import officers…": "导入网格员…",
    "Import departments…": "导入职能部门…",
    "Officers from CSV: employee_no,name,phone,grid_codes,duty_status":
        "从 CSV 导入网格员：employee_no,name,phone,grid_codes,duty_status",
    "Departments from CSV: code,name,phone,category_codes": "从 CSV 导入职能部门：code,name,phone,category_codes",
    "Shifts": "班次",
    "New…": "新建…",
    "Edit…": "编辑…",
    "Delete": "删除",
    "Add selected officers to the shift": "将所选网格员加入班次",
    "Remove selected members": "移除所选人员",
    "Add operator": "添加值班员",
    "Operators and supervisors who can work the shift": "可排入该班次的值班员和值班长",
    "Could not read the roster: {error}": "无法读取网格员名册：{error}",
    "Showing {shown} of {total} officers · {on} on duty · {field} in the field · {off} off duty · {leave} on leave":
        "显示 {shown}/{total} 名网格员 · 在岗 {on} · 外勤 {field} · 离岗 {off} · 请假 {leave}",
    "{names}: now {status}": "{names}：已设为“{status}”",
    "{name} was changed at another seat (now {status}). Nothing was changed here; the row has been reloaded, check it and try again.":
        "{name} 已在其他席位被修改（现为“{status}”）。本次未做任何更改；该行已重新加载，请核对后重试。",
    "Import officers": "导入网格员",
    "Import departments": "导入职能部门",
    "CSV files (*.csv *.txt);;All files (*)": "CSV 文件 (*.csv *.txt);;所有文件 (*)",
    "officers": "网格员",
    "departments": "职能部门",
    "Imported {what} from {file} ({encoding}): {created} created, {updated} updated, {unchanged} unchanged":
        "已从 {file}（{encoding}）导入{what}：新增 {created}，更新 {updated}，未变 {unchanged}",
    "Loading shifts…": "正在加载班次…",
    "{name} ({start}–{end}): {officers} officers, {operators} operators":
        "{name}（{start}–{end}），网格员 {officers} 人，值班员 {operators} 人",
    "On now: {shifts}": "当前班次：{shifts}",
    "On now: no shift is running": "当前班次：无",
    "Next: {name} from {start} ({officers} officers, {operators} operators)":
        "下一班次：{name}，{start} 开始（网格员 {officers} 人，值班员 {operators} 人）",
    "Next: no shift defined": "下一班次：未设置",
    "Select a shift to see who works it": "选择班次以查看当班人员",
    "Working {name}:": "{name} 当班人员：",
    "Shift {name} saved": "班次 {name} 已保存",
    "Shift deleted": "班次已删除",
    "Roster": "网格员",
    "Edit shift": "编辑班次",
    "New shift": "新建班次",
    "Starts": "开始",
    "Ends": "结束",
    "e.g. Day shift": "如：白班",
    "An end at or before the start means the shift ends the next day": "结束时间不晚于开始时间时，表示班次次日结束",
    "Hours": "时间",
    "Operators": "值班员",
    " (+1 day)": "（次日）",

    # ShortcutSheet
    "Keyboard shortcuts": "键盘快捷键",
    "Everything on this screen works from the keyboard. Press F1 or Esc to close.":
        "本界面的所有操作均可用键盘完成。按 F1 或 Esc 关闭。",

    # WallView
    "Search number, place (or pinyin initials), text… (Ctrl+F)": "搜索编号、地点（或拼音首字母）、描述…（Ctrl+F）",
    "To register": "待立案",
    "To dispatch": "待派遣",
    "With handler": "承办中",
    "To verify": "待核查",
    "All priorities": "全部紧急程度",
    "Any time limit": "全部时限状态",
    "Due soon or overdue": "即将超时或已超时",
    "All sources": "全部来源",
    "Open + closed 24 h": "在办 + 24小时内结案",
    "Last 7 days": "最近 7 天",
    "Last 30 days": "最近 30 天",
    "Last 90 days": "最近 90 天",
    "Mine": "我的",
    "Only cases I entered": "只看我录入的案件",
    "Overdue first": "超时优先",
    "Register a hotline call (Ctrl+N)": "登记热线来电（Ctrl+N）",
    "Next waiting": "下一待办",
    "Select the next case waiting for registration or dispatch (F5)": "选中下一个待立案或待派遣的案件（F5）",
    "Shortcuts": "快捷键",
    "Escalations": "催督办",
    "All categories": "全部类别",
    "Loading the wall…": "正在加载案件墙…",
    "Could not load the wall: {error}": "无法加载案件墙：{error}",
    "URGENT {number}: {category} — {place}": "紧急案件 {number}：{category} — {place}",
    "Flood: {count} more urgent cases arrived — filter by Urgent to see them":
        "紧急案件集中涌入：又有 {count} 件紧急案件 — 按“紧急”筛选查看",
    "Supervision 督办": "督办",
    "Reminder 催办": "催办",
    "Escalations ({n})": "催督办（{n}）",
    "Grid {code} ✕": "网格 {code} ✕",
    "{shown} of {total} cases on the wall": "案件墙显示 {shown}/{total} 件案件",
    "No case is waiting for registration or dispatch.": "没有待立案或待派遣的案件。",
    "Not allowed": "无权操作",
    "Your role may not do this: {action}.": "您的角色无权执行此操作：{action}。",
    "Not done": "操作未完成",
    "New case (hotline call)": "新建案件（热线来电）",
    "Select the next waiting case": "选中下一个待办案件",
    "Search": "搜索",
    "Clear filters": "清除筛选",
    "Back to the case list": "返回案件列表",
    "Switch screens": "切换界面",
    "This sheet": "本快捷键表",
}

# TRANSLATIONS: by (context, source), where a word reads differently in one place.
TRANSLATIONS: dict[tuple[str, str], str] = {
    # ---- labels.py --------------------------------------------------------------------------
    ("status", "Reported"): "待立案",
    ("status", "Registered"): "已立案",
    ("status", "Dispatched"): "已派遣",
    ("status", "In handling"): "处置中",
    ("status", "Fed back"): "已反馈",
    ("status", "Suspended"): "已挂账",
    ("status", "Closed"): "已结案",
    ("status", "Rejected"): "已作废",
    ("status", "Merged"): "已合并",
    ("priority", "Urgent"): "紧急",
    ("priority", "High"): "较急",
    ("priority", "Normal"): "一般",
    ("priority", "Low"): "低",
    ("source", "Patrol"): "巡查发现",
    ("source", "12345 hotline"): "12345热线",
    ("source", "Duty line"): "24小时值班电话",
    ("source", "Citizen app"): "市民APP",
    ("source", "Video"): "视频监控",
    ("source", "Sensor"): "物联感知",
    ("source", "Referral"): "上级转办",
    ("source", "Petition"): "信访",
    ("source", "Mayor's mailbox"): "市长信箱",
    ("duty", "On duty"): "在岗",
    ("duty", "Off duty"): "离岗",
    ("duty", "On leave"): "请假",
    ("duty", "In the field"): "外勤",
    ("role", "Operator"): "值班员",
    ("role", "Supervisor"): "值班长",
    ("role", "Trainer"): "培训师",
    ("role", "Administrator"): "管理员",
    ("due", "No clock"): "不计时",
    ("due", "On time"): "正常",
    ("due", "Due soon"): "即将超时",
    ("due", "Overdue"): "已超时",
    ("action", "Register"): "立案",
    ("action", "Reject as invalid"): "作废",
    ("action", "Merge as duplicate"): "合并（重复件）",
    ("action", "Dispatch"): "派遣",
    ("action", "Reassign"): "改派",
    ("action", "Accept"): "签收",
    ("action", "Feed back"): "反馈",
    ("action", "Verify and close"): "核查结案",
    ("action", "Return for rework"): "返工",
    ("action", "Extend time limit"): "延期",
    ("action", "Suspend"): "挂账",
    ("action", "Resume"): "恢复办理",
    ("action", "Reopen"): "重新打开",
    ("action", "Evaluate"): "评价",
    ("action", "New case"): "新建案件",
    ("action", "Write handover"): "填写交接班",
    ("action", "Acknowledge handover"): "确认交接班",
    ("action", "Print briefing"): "打印简报",
    ("action", "Manage roster"): "管理网格员名册",
    ("action", "Reported"): "上报",
    ("errors", "Case {case} is {status}: “{action}” is not possible now."):
        "案件 {case} 当前为“{status}”：现在不能执行“{action}”。",
    ("errors", "Case {case} was changed at another seat (now {status}). Nothing was changed here; the row has been reloaded, check it and try again."):
        "案件 {case} 已在其他席位被修改（现为“{status}”）。本次未做任何更改；该行已重新加载，请核对后重试。",
    ("errors", "Your role ({role}) may not do this: {action}."): "您的角色（{role}）无权执行此操作：{action}。",
    ("errors", "The location {lon:.6f}, {lat:.6f} is outside every unit grid of this city."):
        "位置 {lon:.6f}, {lat:.6f} 不在本市任何单元网格内。",
    ("errors", "This handover has been acknowledged and can no longer be changed; add a correction note."):
        "该交接班记录已确认，不能再修改；请添加更正说明。",

    # ---- screens, start-up, the wall's columns ------------------------------------------------
    ("screens", "Case wall"): "案件墙",
    ("startup", "Creating the demo city (first start)…"): "正在创建演示城市（首次启动）…",
    ("startup", "Grid Command Centre"): "网格化指挥中心",
    ("wall", "Case"): "案件编号",
    ("wall", "Priority"): "紧急程度",
    ("wall", "Time left"): "剩余时间",
    ("wall", "Status"): "状态",
    ("wall", "Received"): "接报时间",
    ("wall", "Category"): "类别",
    ("wall", "Street"): "街道",
    ("wall", "Community"): "社区",
    ("wall", "Grid"): "网格",
    ("wall", "Location"): "位置",
    ("wall", "Source"): "来源",
    ("wall", "Assignee"): "承办方",
    ("wall", "paused"): "暂停计时",

    # ---- widgets and views whose words differ from FALLBACK ---------------------------------
    ("WallView", "Case"): "案件",
    ("WallView", "Acknowledge"): "确认",
    ("ListTab", "Acknowledge"): "确认接班",
    ("CaseDetailPanel", "Case"): "案件",
    ("CaseDetailPanel", "History"): "办理过程",
    ("CaseDetailPanel", "Registered"): "立案时间",
    ("CaseDetailPanel", "Dispatched"): "派遣时间",
    ("CaseDetailPanel", "Fed back"): "反馈时间",
    ("CaseDetailPanel", "Closed"): "结案时间",
    ("HandoverView", "History"): "历史记录",
    ("HandoverListModel", "#"): "编号",
    ("HandoverListModel", "Signed"): "签字时间",
    ("BriefingView", "Open"): "打开",
    ("BriefingView", "Closed"): "结案",
    ("BriefingView", "Done"): "完成",
    ("OfficerRosterModel", "Overdue"): "超时",
    ("ShiftDialog", "Name"): "名称",
    ("MapCanvas", "Cases"): "案件",

    # ---- briefing and handover PDFs (context "briefing") ------------------------------------
    ("briefing", "Shift briefing: {shift}"): "班次简报：{shift}",
    ("briefing", "Daily briefing"): "每日简报",
    ("briefing", "previous day: {value}"): "前一日：{value}",
    ("briefing", "{value} pts"): "{value}个百分点",
    ("briefing", "{value} min"): "{value}分钟",
    ("briefing", "{value} h"): "{value}小时",
    ("briefing", "at {time}"): "截至 {time}",
    ("briefing", "New"): "新增",
    ("briefing", "Reported"): "上报",
    ("briefing", "Registered"): "立案",
    ("briefing", "Dispatched"): "派遣",
    ("briefing", "Fed back"): "反馈",
    ("briefing", "Closed"): "结案",
    ("briefing", "Handling rate"): "处置率",
    ("briefing", "Rework rate"): "返工率",
    ("briefing", "Mean time to dispatch"): "平均派遣用时",
    ("briefing", "Mean time to close"): "平均结案用时",
    ("briefing", "A day is a calendar day in {tz}; a shift belongs to the date it starts. New, registered, dispatched and closed count the cases whose report, registration, latest dispatch or closure falls in the period."):
        "日指 {tz} 时区的自然日；班次归属于其开始的日期。新增、立案、派遣和结案分别统计上报时间、立案时间、最近一次派遣时间或结案时间落在本时段内的案件。",
    ("briefing", "Due to close: registered cases, rejected and merged ones excluded, whose handling deadline (after extensions, without suspended time) falls in the period."):
        "应结案：处置时限（计入延期、扣除挂账时间）落在本时段内的已立案案件，不含已作废和已合并的案件。",
    ("briefing", "Closure rate 结案率 = due cases closed by {as_of} / due to close."):
        "结案率 = 截至 {as_of} 已结案的应结案件数 / 应结案件数。",
    ("briefing", "On-time closure rate 按期结案率 = due cases closed by their handling deadline / due to close."):
        "按期结案率 = 在处置时限内结案的应结案件数 / 应结案件数。",
    ("briefing", "Handling rate 处置率 = due cases fed back or closed by {as_of} / due to close."):
        "处置率 = 截至 {as_of} 已反馈或已结案的应结案件数 / 应结案件数。",
    ("briefing", "Rework rate 返工率 = due cases returned for rework at least once / due cases handled at least once."):
        "返工率 = 至少返工一次的应结案件数 / 至少处置过一次的应结案件数。",
    ("briefing", "Overdue now: open cases past their current stage's deadline when the briefing was made."):
        "当前超时：生成简报时已超过当前环节时限的在办案件。",
    ("briefing", "Mean time to dispatch: registration to dispatch, over cases dispatched in the period and never returned for rework. Mean time to close: report to closure, over cases closed in the period."):
        "平均派遣用时：从立案到派遣，统计本时段内派遣且从未返工的案件。平均结案用时：从上报到结案，统计本时段内结案的案件。",
    ("briefing", "Changes compare with the same figures for the previous day ({previous}), computed the same way."):
        "变化值与前一日（{previous}）按相同口径计算的同项数据相比。",
    ("briefing", "{start} to {end} ({tz})"): "{start} 至 {end}（{tz}）",
    ("briefing", "outcomes as of {time}"): "办理结果截至 {time}",
    ("briefing", "cases reported"): "上报案件数",
    ("briefing", "4-week average"): "近 4 周平均",
    ("briefing", "No cases in this period."): "本时段无案件。",
    ("briefing", "Cases by category"): "案件类别分布",
    ("briefing", "Cases by source"): "案件来源分布",
    ("briefing", "Cases reported per hour"): "每小时上报案件数",
    ("briefing", "Where the cases came from"): "案件来源",
    ("briefing", "Cases by street"): "各街道案件数",
    ("briefing", "Other"): "其他",
    ("briefing", "no cases"): "无案件",
    ("briefing", "most cases"): "案件最多",
    ("briefing", "rising fastest"): "上升最快",
    ("briefing", "#"): "序号",
    ("briefing", "Cases"): "案件数",
    ("briefing", "4-week avg"): "4周日均",
    ("briefing", "Rise"): "增幅",
    ("briefing", "No grid is rising against its 4-week average."): "没有案件数较近 4 周日均上升的网格。",
    ("briefing", "Rise = (cases + 1) / (4-week daily average + 1); a rising grid has at least {n} cases and more than its average."):
        "增幅 = (案件数 + 1) / (近 4 周日均 + 1)；上升网格的案件数至少为 {n} 件且高于其日均值。",
    ("briefing", "Hotspots"): "热点网格",
    ("briefing", "Grids with the most cases"): "案件最多的网格",
    ("briefing", "Grids rising fastest against their 4-week average"): "较近 4 周日均上升最快的网格",
    ("briefing", "Overdue cases ({n})"): "超时案件（{n}）",
    ("briefing", "No case is overdue."): "无超时案件。",
    ("briefing", "Overdue"): "超时时长",
    ("briefing", "… and {n} more, the longest overdue listed first."): "… 另有 {n} 件未列出；按超时时长从长到短排列。",
    ("briefing", "Officer workload"): "网格员工作量",
    ("briefing", "{shown} of {total} officers with open cases or cases moved in the period; most overdue first."):
        "有在办案件或本时段有案件流转的网格员共 {total} 名，列出 {shown} 名；超时最多者在前。",
    ("briefing", "Officer no."): "工号",
    ("briefing", "No officer had cases in this period."): "本时段没有网格员承办案件。",
    ("briefing", "Department workload"): "职能部门工作量",
    ("briefing", "Code"): "编码",
    ("briefing", "Department"): "职能部门",
    ("briefing", "No department had cases in this period."): "本时段没有职能部门承办案件。",
    ("briefing", "Handover notes"): "交接班记录",
    ("briefing", "No handover was written for this period."): "本时段没有填写交接班记录。",
    ("briefing", "draft, not signed"): "草稿，未签字",
    ("briefing", "signed by {author} at {time}, not yet acknowledged"): "{author} 于 {time} 签字，尚未确认",
    ("briefing", "signed by {author} at {time}, acknowledged by {ack} at {ack_time}"):
        "{author} 于 {time} 签字，{ack} 于 {ack_time} 确认",
    ("briefing", "correction to handover #{id}"): "交接班记录 #{id} 的更正",
    ("briefing", "Printed by {user} at {time} ({tz})"): "{user} 于 {time}（{tz}）打印",
    ("briefing", "Page {page} of {pages}"): "第 {page} 页，共 {pages} 页",
    ("briefing", "Monday"): "星期一",
    ("briefing", "Tuesday"): "星期二",
    ("briefing", "Wednesday"): "星期三",
    ("briefing", "Thursday"): "星期四",
    ("briefing", "Friday"): "星期五",
    ("briefing", "Saturday"): "星期六",
    ("briefing", "Sunday"): "星期日",
    ("briefing", "Handover correction #{id}"): "交接班更正 #{id}",
    ("briefing", "Shift handover #{id}"): "交接班记录 #{id}",
    ("briefing", "This note corrects handover #{id}, which stays as it was acknowledged."):
        "本更正针对交接班记录 #{id}；原记录保持确认时的内容不变。",
    ("briefing", "Draft, written by {name}: not signed"): "草稿，由 {name} 填写：未签字",
    ("briefing", "Not yet acknowledged"): "尚未确认",
    ("briefing", "No pending items."): "无待办事项。",
    ("briefing", "Drafted from the database at {time}."): "于 {time} 根据数据库生成。",
    ("briefing", "Officers off duty or on leave ({n}); listed: those holding open cases or who went off duty during the shift"):
        "离岗或请假的网格员（{n}）；列出：持有在办案件或在本班内离岗的人员",
    ("briefing", "Duty"): "在岗状态",

    # ---- map, dispatch reasons, imports -------------------------------------------------------
    ("map", "New today"): "今日新增",
    ("map", "{file}: a world file holds six numbers"): "{file}：坐标文件应包含六个数值",
    ("map", "{file}: only north-up images without rotation can be shown"): "{file}：只能显示上北下南且无旋转的图片",
    ("dispatch", "responsible for grid {grid}"): "负责网格 {grid}",
    ("dispatch", "covers another grid in {community}"): "负责{community}内的其他网格",
    ("dispatch", "on duty"): "在岗",
    ("dispatch", "in the field"): "外勤",
    ("dispatch", "off duty"): "离岗",
    ("dispatch", "on leave"): "请假",
    ("dispatch", "position unknown"): "位置未知",
    ("dispatch", "handles {category} in {district}"): "承办{district}的{category}类案件",
    ("dispatch", "handles {category} city-wide"): "承办全市的{category}类案件",
    ("dispatch", "last seen {age} ago"): "最近定位：{age}前",
    ("dispatch", "no open cases"): "无在办案件",
    ("dispatch", "1 open case"): "在办案件 1 件",
    ("dispatch", "{n} open cases"): "在办案件 {n} 件",
    ("dispatch", "{distance} m away"): "距离 {distance} 米",
    ("dispatch", "{distance} km away"): "距离 {distance} 公里",
    ("dispatch", "{n} min"): "{n}分钟",
    ("dispatch", "{n} h"): "{n}小时",
    ("dispatch", "{n} days"): "{n}天",
    ("imports", "line {n}"): "第 {n} 行",
    ("imports", "record {n}"): "第 {n} 条记录",
    ("imports", "feature {code}"): "要素 {code}",
    ("imports", "feature #{n}"): "要素 #{n}",
    ("imports", "file"): "文件",
    ("imports", "cannot read the file: {reason}"): "无法读取文件：{reason}",
    ("imports", "the file starts as {encoding} but is not valid {encoding} (byte {offset})"):
        "文件开头为 {encoding} 编码，但内容不是有效的 {encoding}（第 {offset} 字节）",
    ("imports", "this is not a text file"): "这不是文本文件",
    ("imports", "the text is neither UTF-8 nor GBK; save it as CSV UTF-8"):
        "文本既不是 UTF-8 也不是 GBK 编码；请另存为“CSV UTF-8”格式",
    ("imports", "the header lacks the column(s) {columns}; expected {expected}"): "表头缺少列 {columns}；应为 {expected}",
    ("imports", "the header names {columns} twice"): "表头中 {columns} 重复出现",
    ("imports", "{n} values but the header has {m} columns"): "有 {n} 个值，但表头有 {m} 列",
    ("imports", "the file is empty: a header row and at least one row are needed"): "文件为空：需要一行表头和至少一行数据",
    ("imports", "the file has a header but no rows"): "文件只有表头，没有数据行",
    ("imports", "{field} is longer than {n} characters"): "{field} 超过 {n} 个字符",
    ("imports", "employee_no is empty"): "employee_no（工号）为空",
    ("imports", "employee_no {value!r} may only hold letters, digits, - _ . (at most 20)"):
        "employee_no {value!r} 只能包含字母、数字和 - _ .（最多 20 个字符）",
    ("imports", "employee_no {value} is already on line {n}"): "employee_no {value} 已在第 {n} 行出现",
    ("imports", "name is empty"): "name（名称）为空",
    ("imports", "phone {value!r} is not a phone number"): "phone {value!r} 不是有效的电话号码",
    ("imports", "unknown grid code {code}"): "未知的网格编码 {code}",
    ("imports", "unknown duty status {value!r}; use on_duty, off_duty, on_leave or in_field"):
        "未知的在岗状态 {value!r}；请使用 on_duty、off_duty、on_leave 或 in_field",
    ("imports", "code is empty"): "code（编码）为空",
    ("imports", "code {value!r} may only hold letters, digits, - _ . (at most 20)"):
        "code {value!r} 只能包含字母、数字和 - _ .（最多 20 个字符）",
    ("imports", "code {value} is already on line {n}"): "code {value} 已在第 {n} 行出现",
    ("imports", "unknown category code {code}"): "未知的类别编码 {code}",
    ("imports", "not valid JSON: {reason}"): "不是有效的 JSON：{reason}",
    ("imports", 'expected a list of positions, {"positions": [...]} or a GeoJSON FeatureCollection of points'):
        '应为位置列表、{"positions": [...]} 或 GeoJSON 点要素集合（FeatureCollection）',
    ("imports", "the file holds no positions"): "文件中没有位置数据",
    ("imports", "unknown employee_no {value}"): "未知的 employee_no {value}",
    ("imports", "the time (at) is empty"): "时间（at）为空",
    ("imports", "time {value!r} is not ISO 8601 (2026-11-25T10:00:00+08:00) or epoch seconds"):
        "时间 {value!r} 既不是 ISO 8601 格式（2026-11-25T10:00:00+08:00），也不是 Unix 时间戳（秒）",
    ("imports", "time {value} is in the future"): "时间 {value} 晚于当前时间",
    ("imports", "{field} {value} is not a WGS84 coordinate"): "{field} {value} 不是 WGS84 坐标",
    ("imports", "(empty)"): "（空）",
    ("imports", "{n} position(s) lie outside every unit grid (GCJ-02 or BD-09 coordinates instead of WGS84?)"):
        "{n} 个位置不在任何单元网格内（是否误用了 GCJ-02 或 BD-09 坐标而非 WGS84？）",
    ("imports", "not a GeoJSON FeatureCollection"): "不是 GeoJSON 要素集合（FeatureCollection）",
    ("imports", "the coordinates are in {crs}; grids must be WGS84 longitude/latitude"):
        "坐标系为 {crs}；网格必须使用 WGS84 经纬度",
    ("imports", "the FeatureCollection has no features"): "要素集合中没有任何要素",
    ("imports", "no code property (a string of digits)"): "缺少 code 属性（数字字符串）",
    ("imports", "code {code} is not {lengths} digits (county 6 + street 3 + community 3 + grid)"):
        "编码 {code} 不是 {lengths} 位数字（区县 6 位 + 街道 3 位 + 社区 3 位 + 网格）",
    ("imports", "duplicate code: feature #{n} has the same code"): "编码重复：要素 #{n} 的编码与此相同",
    ("imports", "no name property"): "缺少 name 属性",
    ("imports", "geometry is {kind}, not a Polygon or MultiPolygon"): "几何类型为 {kind}，不是 Polygon 或 MultiPolygon",
    ("imports", "missing"): "缺失",
    ("imports", "unreadable coordinates: {reason}"): "坐标无法读取：{reason}",
    ("imports", "the geometry is empty"): "几何图形为空",
    ("imports", "coordinates ({x:.0f}, {y:.0f}) are not WGS84 longitude/latitude (projected metres?)"):
        "坐标（{x:.0f}, {y:.0f}）不是 WGS84 经纬度（是否为以米为单位的投影坐标？）",
    ("imports", "invalid geometry: {reason}"): "几何图形无效：{reason}",
    ("imports", "overlaps grid {other} by {area} m²"): "与网格 {other} 重叠 {area} 平方米",
    ("imports", "overlaps the stored grid {other} by {area} m²"): "与已有网格 {other} 重叠 {area} 平方米",
    ("imports", "community {code}"): "社区 {code}",
    ("imports", "a gap of {area} m² between its grids near {lon:.5f}, {lat:.5f}"):
        "其网格之间在 {lon:.5f}, {lat:.5f} 附近有 {area} 平方米的缝隙",
    ("imports", "its grids form {n} separate pieces (a gap runs through it)"): "其网格分成 {n} 块互不相连的区域（中间有缝隙）",
    ("imports", "{kind}_name {name} differs from {other} given for {code} by another feature"):
        "{kind}_name {name} 与另一要素为 {code} 给出的 {other} 不一致",

    # ---- command line (context "cli") ----------------------------------------------------------
    ("cli", "commandcenter: unexpected error; details in {log}"): "commandcenter：发生意外错误；详情见 {log}",
    ("cli", "not a date (YYYY-MM-DD): {value}"): "不是日期（YYYY-MM-DD）：{value}",
    ("cli", "print the daily or a shift's briefing as a PDF"): "将每日简报或班次简报输出为 PDF",
    ("cli", "database file path or SQLAlchemy URL"): "数据库文件路径或 SQLAlchemy URL",
    ("cli", "the day, YYYY-MM-DD, in the centre's time zone"): "日期，格式 YYYY-MM-DD，按指挥中心所在时区",
    ("cli", "a shift's name (e.g. Night) for a shift briefing; default: the whole day"):
        "班次名称（如 Night），用于生成班次简报；默认：全天",
    ("cli", "language of the briefing (default: the interface language)"): "简报语言（默认：界面语言）",
    ("cli", "command centre code (default: the top-level centre)"): "指挥中心编码（默认：最上级指挥中心）",
    ("cli", "the PDF file to write"): "要写入的 PDF 文件",
    ("cli", "the output file must end in .pdf"): "输出文件名必须以 .pdf 结尾",
    ("cli", "{path}: {kind} briefing of {day}, {size} bytes, sha256 {sha}"): "{path}：{day} 简报（{kind}），{size} 字节，sha256 {sha}",
    ("cli", "database maintenance"): "数据库维护",
    ("cli", "create or upgrade a database to the current schema"): "创建数据库，或将其升级到当前结构版本",
    ("cli", "{db}: schema already current ({rev})"): "{db}：数据库结构已是最新版本（{rev}）",
    ("cli", "{db}: schema {before} -> {after}"): "{db}：数据库结构 {before} -> {after}",
    ("cli", "empty"): "空",
    ("cli", "generate a demo city with case history"): "生成带有案件历史的演示城市",
    ("cli", "database file path or SQLAlchemy URL (must be empty)"): "数据库文件路径或 SQLAlchemy URL（须为空库）",
    ("cli", "days of history ending now"): "截至当前的历史天数",
    ("cli", "error: --days must be between 1 and 3660"): "错误：--days 必须在 1 到 3660 之间",
    ("cli", "  [demo {scale}]"): "  [演示 {scale}]",
    ("cli", "database: {db}"): "数据库：{db}",
    ("cli", "schema: {rev} (current: {head})"): "数据库结构：{rev}（当前版本：{head}）",
    ("cli", "districts: {d}  streets: {s}  communities: {c}  grids: {g}"): "区县：{d}  街道：{s}  社区：{c}  网格：{g}",
    ("cli", "officers: {o}  departments: {d}  users: {u}"): "网格员：{o}  职能部门：{d}  用户：{u}",
    ("cli", "cases: {n}  open: {open}  overdue: {overdue}"): "案件：{n}  在办：{open}  超时：{overdue}",
    ("cli", "reported: {first} … {last} UTC"): "上报时间：{first} … {last}（UTC）",
    ("cli", "by status: {counts}"): "按状态：{counts}",
    ("action", "Reminder (催办)"): "催办",
    ("action", "Supervision (督办)"): "督办",
    ("stage", "registration"): "立案",
    ("stage", "dispatch"): "派遣",
    ("stage", "handling"): "处置",
    ("stage", "verification"): "核查",
    ("history", "{stage} time limit, round {round}"): "{stage}时限，第 {round} 轮",
    ("history", "acknowledged by {name}"): "{name} 已确认",
    ("RosterView", "Roster"): "网格员名册",
    ("MapCanvas", "0 / no data"): "0 / 无数据",
    ("cli", "list or load the holiday calendar of a year"): "查看或导入某年的节假日日历",
    ("cli", "list a year's holidays and adjusted working days"): "列出某年的节假日和调休工作日",
    ("cli", "replace a year's calendar from a CSV file (date,kind,name)"): "用 CSV 文件（date,kind,name）替换某年的日历",
    ("cli", "{year} is not covered: working-time limits count Monday to Friday only"):
        "{year} 年尚无日历：工作时限仅按周一至周五计算",
    ("cli", "{year}: {n} holidays and adjusted working days loaded"): "{year} 年：已导入 {n} 个节假日和调休工作日",
    ("cli", "warning: no holiday calendar for {years}; working-time limits there count Monday to Friday only"):
        "警告：缺少 {years} 年的节假日日历，该年的工作时限仅按周一至周五计算",
    ("MainWindow", "⚠ No holiday calendar for {years}"): "⚠ 缺少 {years} 年节假日日历",
    ("MainWindow", "Working-time limits in {years} count Monday to Friday only, without public holidays or adjusted "
                   "working weekends. An administrator should add that year's calendar once it is announced."):
        "{years} 年的工作时限仅按周一至周五计算，未计入法定节假日和调休。请管理员在该年安排公布后补录日历。",
    ("wall", "{d}d {h:02d}h"): "{d}天{h:02d}时",
    ("cli", "--rate must be a number of cases per minute above 0 and at most {maximum:g} (got {value})"):
        "--rate 须为每分钟案件数，大于 0 且不超过 {maximum:g}（实际为 {value}）",
    ("cli", "--duration must be a number of seconds above 0 (got {value})"): "--duration 须为大于 0 的秒数（实际为 {value}）",
    ("cli", "--seed must be a whole number (got {value})"): "--seed 须为整数（实际为 {value}）",
    ("cli", "officers from CSV: employee_no,name,phone,grid_codes,duty_status (grid_codes ;-separated)"):
        "从 CSV 导入网格员：employee_no,name,phone,grid_codes,duty_status（grid_codes 以 ; 分隔）",
    ("cli", "departments from CSV: code,name,phone,category_codes (category_codes ;-separated)"):
        "从 CSV 导入职能部门：code,name,phone,category_codes（category_codes 以 ; 分隔）",
    ("cli", "timestamped officer positions from CSV (employee_no,at,lon,lat) or JSON"):
        "从 CSV（employee_no,at,lon,lat）或 JSON 导入带时间戳的网格员位置",
    ("cli", "unit grids from a GeoJSON FeatureCollection of polygons with code and name (WGS84)"):
        "从 GeoJSON 面要素集合（含 code 和 name，WGS84）导入单元网格",
    ("cli", "print the schema version and counts"): "显示数据库结构版本和数据统计",
    ("cli", "machine-readable output"): "输出机器可读的格式",
    # cli strings the code passes through a local `t`/`_t` without N(), so lupdate cannot see them
    # yet; ready for when they are marked.
    ("cli", "Grid Command Centre: case wall, dispatch, roster, maps, handovers and briefings. Without a command, opens the desktop application."):
        "网格化指挥中心：案件墙、派遣、网格员名册、地图、交接班和简报。不带命令时打开桌面应用程序。",
    ("cli", "database file path or SQLAlchemy URL (default: the demo database)"): "数据库文件路径或 SQLAlchemy URL（默认：演示数据库）",
    ("cli", "user to sign in as (until sign-in exists)"): "登录所用的用户名（登录功能上线前使用）",
    ("cli", "interface language: en or zh_CN"): "界面语言：en 或 zh_CN",
    ("cli", "more detail in the log file"): "在日志文件中记录更多细节",
    ("cli", "Demo city '{scale}' (seed {seed}) in {db}, {seconds:.1f} s"): "演示城市“{scale}”（种子 {seed}）已生成于 {db}，用时 {seconds:.1f} 秒",
    ("cli", "{districts} districts, {streets} streets, {communities} communities, {grids} unit grids"):
        "区/县 {districts} 个，街道 {streets} 个，社区 {communities} 个，单元网格 {grids} 个",
    ("cli", "{officers} officers, {departments} departments, {users} users"): "网格员 {officers} 名，职能部门 {departments} 个，用户 {users} 个",
    ("cli", "{cases} cases from {first_day} to {last_day} ({history_rows} history rows); {open_cases} open, {overdue_cases} overdue"):
        "{first_day} 至 {last_day} 共 {cases} 件案件（历史记录 {history_rows} 条）；在办 {open_cases} 件，超时 {overdue_cases} 件",
    ("cli", "feed generated cases and field progress into a database, live"): "向数据库实时注入生成的案件和现场处置进展",
    ("cli", "new cases per minute; decimals allowed (0.5 is one every two minutes)"): "每分钟新增案件数；可为小数（0.5 表示每两分钟一件）",
    ("cli", "seconds to run (default: until Ctrl-C)"): "运行秒数（默认：直到按下 Ctrl-C）",
    ("cli", "random seed: the same seed gives the same cases"): "随机种子：相同的种子生成相同的案件",
    ("cli", "drill only in the area of the command centre with this code"): "仅在该编码对应指挥中心的辖区内演练",
    ("cli", "{cases} new cases ({registered} registered at once), {accepted} accepted, {fed_back} fed back, {positions} positions, {escalations} escalations, {skipped} skipped"):
        "新增案件 {cases} 件（直接立案 {registered} 件），签收 {accepted} 件，反馈 {fed_back} 件，位置 {positions} 条，催督办 {escalations} 次，跳过 {skipped} 件",
    ("cli", "{elapsed:.0f} s: {counts}"): "{elapsed:.0f} 秒：{counts}",
    ("cli", "until Ctrl-C"): "直到按下 Ctrl-C",
    ("cli", "for {seconds:g} s"): "持续 {seconds:g} 秒",
    ("cli", "Drill on {db}: {rate:g} new cases a minute {how_long}, seed {seed}, {grids} grids"):
        "在 {db} 上演练：每分钟新增 {rate:g} 件案件，{how_long}，种子 {seed}，网格 {grids} 个",
    ("cli", "Drill finished after {elapsed:.1f} s: {counts}"): "演练结束，用时 {elapsed:.1f} 秒：{counts}",
    ("cli", "warning: {db} is not a demo database; drill cases will look like real ones"):
        "警告：{db} 不是演示数据库；演练案件将与真实案件无法区分",
    ("cli", "import officers, departments, positions or grids from a file"): "从文件导入网格员、职能部门、位置或网格",
    ("cli", "the file to import (UTF-8, UTF-8 with BOM or GBK)"): "要导入的文件（UTF-8、带 BOM 的 UTF-8 或 GBK）",
    ("cli", "Imported {kind} from {file} ({encoding}): {created} created, {updated} updated, {unchanged} unchanged"):
        "已从 {file}（{encoding}）导入{kind}：新增 {created}，更新 {updated}，未变 {unchanged}",
    ("cli", "{file}: nothing imported, {n} problem(s):"): "{file}：未导入任何数据，发现 {n} 个问题：",
    ("cli", "Imported positions from {file} ({encoding}): {created} positions stored, {updated} officers moved"):
        "已从 {file}（{encoding}）导入位置：保存位置 {created} 条，更新网格员位置 {updated} 名",
    ("cli", "Created {districts} districts, {streets} streets, {communities} communities"):
        "新建区/县 {districts} 个、街道 {streets} 个、社区 {communities} 个",
    ("cli", "warning: {where}: {why}"): "警告：{where}：{why}",
    ("cli", "  … and {n} more"): "  … 另有 {n} 个",
    ("cli", "positions"): "位置",
    ("cli", "grids"): "网格",
    ("cli", "database"): "数据库",
    ("cli", "demo"): "演示",
    ("cli", "schema"): "数据库结构",
    ("cli", "current"): "最新",
    ("cli", "districts"): "区/县",
    ("cli", "streets"): "街道",
    ("cli", "communities"): "社区",
    ("cli", "users"): "用户",
    ("cli", "cases"): "案件",
    ("cli", "open"): "在办",
    ("cli", "overdue"): "超时",
    ("cli", "reported"): "上报时间",
    ("cli", "by status"): "按状态",
}


# ---- tools ---------------------------------------------------------------------------------------
def qt_tool(name: str) -> Path | None:
    """`pyside6-<name>` next to this Python (the venv) or in the repo's .venv, else the binary inside the
    PySide6 package, else `pyside6-<name>` on PATH."""
    exe = f"pyside6-{name}"
    for folder in (Path(sys.executable).parent, ROOT / ".venv" / "bin"):
        if (folder / exe).is_file():
            return folder / exe
    spec = importlib.util.find_spec("PySide6")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        if (Path(folder) / name).is_file():
            return Path(folder) / name
    found = shutil.which(exe)
    return Path(found) if found else None


def _require(name: str) -> Path:
    tool = qt_tool(name)
    if tool is None:
        sys.exit(f"fill_translations: pyside6-{name} not found (run `make venv`)")
    return tool


def lupdate(ts: Path = TS, tool: Path | None = None) -> str:
    """Extract every string of the code into `ts` (kept translations stay, new ones are unfinished)."""
    cmd = [str(tool or _require("lupdate")), *LUPDATE_OPTIONS, str(SOURCES), "-ts", str(ts)]
    return subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, text=True).stdout


def lrelease(ts: Path = TS, qm: Path = QM, tool: Path | None = None) -> str:
    cmd = [str(tool or _require("lrelease")), str(ts), "-qm", str(qm)]
    return subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, text=True).stdout


# ---- reading and writing the .ts -----------------------------------------------------------------
def read_ts(path: Path = TS) -> ET.Element:
    return ET.parse(path).getroot()


def _escape(text: str) -> str:
    # as lupdate writes it, so a file this script wrote and lupdate rewrites stay byte-identical
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&apos;"))


def _serialize(el: ET.Element, out: list[str]) -> None:
    attrs = "".join(f' {k}="{_escape(v)}"' for k, v in el.attrib.items())
    children = list(el)
    if not children and not el.text and el.tag == "location":
        out.append(f"<{el.tag}{attrs}/>")
    else:
        out.append(f"<{el.tag}{attrs}>{_escape(el.text or '')}")
        for child in children:
            _serialize(child, out)
        out.append(f"</{el.tag}>")
    out.append(_escape(el.tail or ""))


def write_ts(root: ET.Element, path: Path = TS) -> None:
    """Write with the XML declaration and the DOCTYPE line lupdate and Qt Linguist expect."""
    out = ['<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n']
    _serialize(root, out)
    text = "".join(out)
    path.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")


def messages(root: ET.Element):  # type: ignore[no-untyped-def]
    """(context, message element) for every live message (vanished and obsolete ones skipped)."""
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.findall("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") in ("vanished", "obsolete"):
                continue
            yield name, message


def translation_text(message: ET.Element) -> str:
    translation = message.find("translation")
    if translation is None:
        return ""
    forms = translation.findall("numerusform")
    if forms:
        return "" if any(not (f.text or "").strip() for f in forms) else (forms[0].text or "")
    return translation.text or ""


def is_unfinished(message: ET.Element) -> bool:
    translation = message.find("translation")
    return translation is None or translation.get("type") == "unfinished" or not translation_text(message).strip()


def lookup(context: str, source: str) -> str | None:
    return TRANSLATIONS.get((context, source), FALLBACK.get(source))


def fill(root: ET.Element, overwrite: bool = False) -> tuple[int, list[tuple[str, str]]]:
    """Fill unfinished messages (all, with `overwrite`) from the dictionary.

    Returns how many messages changed and the (context, source) pairs still unfinished.
    """
    changed, missing = 0, []
    for context, message in messages(root):
        source = message.findtext("source") or ""
        if not overwrite and not is_unfinished(message):
            continue
        text = lookup(context, source)
        if text is None:
            if is_unfinished(message):
                missing.append((context, source))
            continue
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        before = (translation_text(message), translation.get("type"))
        forms = translation.findall("numerusform")
        if forms:  # Chinese has one plural form
            for form in forms:
                form.text = text
        else:
            translation.text = text
        translation.attrib.pop("type", None)
        if (translation_text(message), translation.get("type")) != before:
            changed += 1
    return changed, missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-extract", action="store_true", help="do not run lupdate first")
    parser.add_argument("--check", action="store_true", help="only report; exit 1 if anything is unfinished")
    parser.add_argument("--overwrite", action="store_true", help="re-apply the dictionary to finished messages")
    args = parser.parse_args(argv)

    if args.check:
        root = read_ts()
        todo = [(c, m.findtext("source")) for c, m in messages(root) if is_unfinished(m)]
        differ = [(c, m.findtext("source")) for c, m in messages(root)
                  if not is_unfinished(m) and lookup(c, m.findtext("source") or "") not in (None, translation_text(m))]
        for c, s in todo:
            print(f"unfinished: [{c}] {s!r}")
        for c, s in differ:
            print(f"differs from the dictionary (edited in Linguist?): [{c}] {s!r}")
        total = sum(1 for _ in messages(root))
        print(f"{total} messages, {len(todo)} unfinished, {len(differ)} differ from the dictionary")
        return 1 if todo else 0

    if not args.no_extract:
        print(lupdate().strip().splitlines()[-1].strip())
    root = read_ts()
    changed, missing = fill(root, overwrite=args.overwrite)
    write_ts(root)
    total = sum(1 for _ in messages(root))
    print(f"filled {changed} of {total} messages; {len(missing)} without a translation")
    for context, source in missing:
        print(f"  no translation: [{context}] {source!r}")
    print(lrelease().strip().splitlines()[-1].strip())
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())

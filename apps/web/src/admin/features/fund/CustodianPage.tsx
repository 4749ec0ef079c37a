import { PlusOutlined, UploadOutlined } from "@ant-design/icons";
import type {
  CustodianStatement,
  CustodianTransfer,
  Page,
  Reconciliation,
} from "@niangjia/contracts";
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
  Upload,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { api, ApiError } from "../../../shared/api";
import { formatDateTime, formatMoney } from "../../../shared/format";
import { applyServerErrors } from "../../../shared/form-errors";
import { useMe } from "../../../shared/session";
import { useRequest } from "../../../shared/use-request";
import { ErrorAlert } from "../../components/ErrorAlert";
import { listPagination } from "../../components/list-pagination";
import { thisMonth, yuanToFen } from "./fund-format";

type Tab = "transfers" | "statements" | "reconciliation";

/** 爱心基金 ▸ 托管账户 (/fund/custodian): transfers to the third-party account, its statements, and the reconciliation. */
export function CustodianPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = (params.get("tab") as Tab | null) ?? "transfers";
  return (
    <Card title={t("fundAdmin.custodian.title")}>
      <Typography.Paragraph type="secondary">
        {t("fundAdmin.custodian.intro")}
      </Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k }, { replace: true })}
        items={[
          {
            key: "transfers",
            label: t("fundAdmin.custodian.tabs.transfers"),
            children: tab === "transfers" ? <Transfers /> : null,
          },
          {
            key: "statements",
            label: t("fundAdmin.custodian.tabs.statements"),
            children: tab === "statements" ? <Statements /> : null,
          },
          {
            key: "reconciliation",
            label: t("fundAdmin.custodian.tabs.reconciliation"),
            children: tab === "reconciliation" ? <ReconciliationView /> : null,
          },
        ]}
      />
    </Card>
  );
}

function Transfers() {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [isRecording, setIsRecording] = useState(false);
  const list = useRequest(
    (signal) =>
      api.get<Page<CustodianTransfer>>(
        "/fund-custodian/transfers",
        { page, pageSize },
        { signal },
      ),
    [page, pageSize],
  );
  return (
    <>
      {me.permissions.includes("fund.write") && (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          style={{ marginBottom: 16 }}
          onClick={() => setIsRecording(true)}
        >
          {t("fundAdmin.custodian.record")}
        </Button>
      )}
      {list.error ? (
        <ErrorAlert error={list.error} onRetry={list.reload} />
      ) : null}
      <Table<CustodianTransfer>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{
          emptyText: (
            <Empty description={t("fundAdmin.custodian.emptyTransfers")} />
          ),
        }}
        pagination={listPagination(
          t,
          { page, pageSize, total: list.data?.total ?? 0 },
          (p, s) => {
            setPage(p);
            setPageSize(s);
          },
        )}
        columns={[
          {
            title: t("fundAdmin.custodian.transferredOn"),
            dataIndex: "transferredOn",
            width: 120,
          },
          {
            title: t("fundAdmin.custodian.reference"),
            dataIndex: "reference",
            width: 200,
          },
          {
            title: t("fundAdmin.custodian.amountFen"),
            dataIndex: "amountFen",
            width: 140,
            align: "right",
            render: (v: number) => formatMoney(v),
          },
          {
            title: t("fundAdmin.custodian.note"),
            dataIndex: "note",
            render: (v: string | null) => v ?? "—",
          },
          {
            title: t("fundAdmin.custodian.importedAt"),
            dataIndex: "createdAt",
            width: 150,
            render: (v: string) => formatDateTime(v),
          },
          {
            title: t("fundAdmin.custodian.recordedBy"),
            dataIndex: "createdByName",
            width: 120,
            render: (v: string | null) => v ?? "—",
          },
        ]}
      />
      {isRecording && (
        <TransferModal
          onClose={() => setIsRecording(false)}
          onDone={(tr) => {
            setIsRecording(false);
            message.success(
              t("fundAdmin.custodian.recorded", {
                amount: formatMoney(tr.amountFen),
              }),
            );
            list.reload();
          }}
        />
      )}
    </>
  );
}

function TransferModal({
  onClose,
  onDone,
}: {
  onClose: () => void;
  onDone: (t: CustodianTransfer) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{
    amount: number;
    transferredOn: Dayjs;
    reference: string;
    note?: string;
  }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      const body = {
        amountFen: yuanToFen(v.amount),
        transferredOn: v.transferredOn.format("YYYY-MM-DD"),
        reference: v.reference.trim(),
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      };
      onDone(
        await api.post<CustodianTransfer>("/fund-custodian/transfers", body),
      );
    } catch (e) {
      applyServerErrors(form, e, ["transferredOn", "reference", "note"], {
        amountFen: "amount",
      });
      setError(e);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={t("fundAdmin.custodian.record")}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={saving}
      okText={t("common.save")}
      cancelText={t("actions.cancel")}
      destroyOnHidden
    >
      {error ? <ErrorAlert error={error} /> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ transferredOn: dayjs() }}
      >
        <Form.Item
          name="amount"
          label={t("fundAdmin.custodian.amountFen")}
          rules={[{ required: true }]}
        >
          <InputNumber
            min={0.01}
            precision={2}
            prefix="¥"
            style={{ width: 220 }}
          />
        </Form.Item>
        <Form.Item
          name="transferredOn"
          label={t("fundAdmin.custodian.transferredOn")}
          rules={[{ required: true }]}
        >
          <DatePicker style={{ width: 220 }} />
        </Form.Item>
        <Form.Item
          name="reference"
          label={t("fundAdmin.custodian.reference")}
          rules={[{ required: true, max: 60 }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="note"
          label={t("fundAdmin.custodian.note")}
          rules={[{ max: 200 }]}
        >
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Statements() {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [error, setError] = useState<unknown>(null);
  const [isUploading, setIsUploading] = useState(false);
  const list = useRequest(
    (signal) =>
      api.get<Page<CustodianStatement>>(
        "/fund-custodian/statements",
        { page, pageSize: 20 },
        { signal },
      ),
    [page],
  );
  const upload = async (file: File) => {
    setIsUploading(true);
    setError(null);
    try {
      const saved = await api.sendFile<CustodianStatement>(
        "/fund-custodian/statements",
        new Blob([file], { type: "text/csv" }),
        { fileName: file.name },
      );
      message.success(
        t("fundAdmin.custodian.uploaded", {
          name: saved.fileName ?? file.name,
          n: saved.lineCount,
        }),
      );
      list.reload();
    } catch (e) {
      setError(e);
    } finally {
      setIsUploading(false);
    }
  };
  const lineErrors = error instanceof ApiError ? error.errors : [];
  return (
    <>
      {me.permissions.includes("fund.write") && (
        <Space orientation="vertical" style={{ marginBottom: 16 }}>
          <Upload
            accept=".csv,text/csv"
            showUploadList={false}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={isUploading}>
              {t("fundAdmin.custodian.upload")}
            </Button>
          </Upload>
          <Typography.Text type="secondary">
            {t("fundAdmin.custodian.csvHint")}
          </Typography.Text>
        </Space>
      )}
      {error ? <ErrorAlert error={error} /> : null}
      {lineErrors.length > 0 && (
        <Table
          size="small"
          rowKey={(e) => `${e.path}-${e.message}`}
          style={{ marginBottom: 16 }}
          pagination={false}
          dataSource={lineErrors}
          data-testid="statement-errors"
          columns={[
            {
              title: t("fundAdmin.custodian.statementLine"),
              dataIndex: "path",
              width: 200,
            },
            { title: t("fundAdmin.cardImport.reason"), dataIndex: "message" },
          ]}
        />
      )}
      {list.error ? (
        <ErrorAlert error={list.error} onRetry={list.reload} />
      ) : null}
      <Table<CustodianStatement>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{
          emptyText: (
            <Empty description={t("fundAdmin.custodian.emptyStatements")} />
          ),
        }}
        pagination={listPagination(
          t,
          {
            page,
            pageSize: 20,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
          },
          (p) => setPage(p),
        )}
        columns={[
          {
            title: t("fundAdmin.custodian.fileName"),
            dataIndex: "fileName",
            render: (v: string | null) => v ?? "—",
          },
          {
            title: t("fundAdmin.custodian.lines"),
            dataIndex: "lineCount",
            width: 80,
            align: "right",
          },
          {
            title: t("fundAdmin.custodian.period"),
            key: "period",
            width: 220,
            render: (_: unknown, s) =>
              `${s.fromDate ?? "—"} ~ ${s.toDate ?? "—"}`,
          },
          {
            title: t("fundAdmin.custodian.total"),
            dataIndex: "totalFen",
            width: 140,
            align: "right",
            render: (v: number) => formatMoney(v),
          },
          {
            title: t("fundAdmin.custodian.importedAt"),
            dataIndex: "createdAt",
            width: 150,
            render: (v: string) => formatDateTime(v),
          },
        ]}
      />
    </>
  );
}

function ReconciliationView() {
  const { t } = useTranslation();
  const [first, last] = thisMonth();
  const [range, setRange] = useState({ from: first, to: last });
  const report = useRequest(
    (signal) =>
      api.get<Reconciliation>("/fund-custodian/reconciliation", range, {
        signal,
      }),
    [range.from, range.to],
  );
  const r = report.data;
  return (
    <>
      <Space style={{ marginBottom: 16 }}>
        <DatePicker.RangePicker
          allowClear={false}
          value={[dayjs(range.from), dayjs(range.to)]}
          onChange={(v) => {
            if (v?.[0] && v[1])
              setRange({
                from: v[0].format("YYYY-MM-DD"),
                to: v[1].format("YYYY-MM-DD"),
              });
          }}
        />
        <Button onClick={report.reload} loading={report.loading}>
          {t("fundAdmin.custodian.run")}
        </Button>
      </Space>
      {report.error ? (
        <ErrorAlert error={report.error} onRetry={report.reload} />
      ) : null}
      {r && (
        <>
          <Descriptions
            size="small"
            bordered
            column={{ xs: 1, md: 4 }}
            style={{ marginBottom: 16 }}
          >
            <Descriptions.Item label={t("fundAdmin.custodian.ledgerTotal")}>
              {formatMoney(r.ledgerTotalFen)}
            </Descriptions.Item>
            <Descriptions.Item label={t("fundAdmin.custodian.statementTotal")}>
              {formatMoney(r.statementTotalFen)}
            </Descriptions.Item>
            <Descriptions.Item label={t("fundAdmin.custodian.matched")}>
              {r.matchedCount}
            </Descriptions.Item>
            <Descriptions.Item label={t("fundAdmin.custodian.kind")}>
              {t("fundAdmin.custodian.differences", {
                n: r.differences.length,
              })}
            </Descriptions.Item>
          </Descriptions>
          {r.differences.length === 0 ? (
            <Alert
              type="success"
              showIcon
              title={t("fundAdmin.custodian.noDifferences")}
            />
          ) : (
            <Table
              rowKey={(d) =>
                `${d.kind}-${d.reference ?? ""}-${d.statementLine ?? ""}-${d.ledgerDate ?? ""}`
              }
              size="small"
              pagination={false}
              dataSource={r.differences}
              data-testid="reconciliation-differences"
              expandable={{
                rowExpandable: (d) => d.entries.length > 0,
                expandedRowRender: (d) => (
                  <Table
                    size="small"
                    rowKey="id"
                    pagination={false}
                    dataSource={d.entries}
                    columns={[
                      {
                        title: t("fundAdmin.custodian.entries"),
                        dataIndex: "memo",
                      },
                      {
                        title: t("fundAdmin.custodian.importedAt"),
                        dataIndex: "postedAt",
                        width: 150,
                        render: (v: string) => formatDateTime(v),
                      },
                      {
                        title: t("fundAdmin.custodian.amountFen"),
                        dataIndex: "amountFen",
                        width: 130,
                        align: "right",
                        render: (v: number) => formatMoney(v),
                      },
                      {
                        title: "ID",
                        dataIndex: "id",
                        width: 300,
                        render: (v: string) => (
                          <Typography.Text
                            code
                            copyable
                            style={{ fontSize: 12 }}
                          >
                            {v}
                          </Typography.Text>
                        ),
                      },
                    ]}
                  />
                ),
              }}
              columns={[
                {
                  title: t("fundAdmin.custodian.kind"),
                  dataIndex: "kind",
                  width: 130,
                  render: (
                    v: Reconciliation["differences"][number]["kind"],
                  ) => (
                    <Tag color="orange">
                      {t(`fundAdmin.custodian.kinds.${v}`)}
                    </Tag>
                  ),
                },
                {
                  title: t("fundAdmin.custodian.reference"),
                  dataIndex: "reference",
                  render: (v: string | null) => v ?? "—",
                },
                {
                  title: t("fundAdmin.custodian.ledgerDate"),
                  dataIndex: "ledgerDate",
                  width: 110,
                  render: (v: string | null) => v ?? "—",
                },
                {
                  title: t("fundAdmin.custodian.statementDate"),
                  dataIndex: "statementDate",
                  width: 120,
                  render: (v: string | null) => v ?? "—",
                },
                {
                  title: t("fundAdmin.custodian.ledgerAmount"),
                  dataIndex: "ledgerAmountFen",
                  width: 120,
                  align: "right",
                  render: (v: number | null) => formatMoney(v),
                },
                {
                  title: t("fundAdmin.custodian.statementAmount"),
                  dataIndex: "statementAmountFen",
                  width: 130,
                  align: "right",
                  render: (v: number | null) => formatMoney(v),
                },
                {
                  title: t("fundAdmin.custodian.statementLine"),
                  dataIndex: "statementLine",
                  width: 90,
                  render: (v: number | null) => v ?? "—",
                },
                {
                  title: t("fundAdmin.custodian.entries"),
                  key: "entries",
                  width: 90,
                  render: (_: unknown, d) =>
                    d.entries.length || t("fundAdmin.custodian.noEntries"),
                },
              ]}
            />
          )}
        </>
      )}
    </>
  );
}

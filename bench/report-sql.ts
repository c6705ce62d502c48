/**
 * The report's figures in SQL, for PostgreSQL: the export and the price list loaded with `\copy`, then the counts,
 * win rate, average won deal, median cycle, weighted pipeline at list price, funnel, time in Engaging, stuck deals
 * past its p90, and the two 90-day windows the report compares.
 */
export function reportSql(file: string, products: string, now: string): string {
  const quoted = (path: string) => `'${path.replaceAll("'", "''")}'`;
  return `
\\set ON_ERROR_STOP on
create temp table sales_pipeline (opportunity_id text, sales_agent text, product text, account text,
  deal_stage text, engage_date date, close_date date, close_value numeric);
create temp table products (product text, series text, sales_price numeric);
\\copy sales_pipeline from ${quoted(file)} with (format csv, header true)
\\copy products from ${quoted(products)} with (format csv, header true)
select count(*) as deals,
  count(*) filter (where deal_stage in ('Prospecting', 'Engaging')) as open,
  count(*) filter (where deal_stage = 'Won') as won,
  count(*) filter (where deal_stage = 'Lost') as lost,
  100.0 * count(*) filter (where deal_stage = 'Won') / nullif(count(*) filter (where deal_stage in ('Won', 'Lost')), 0) as win_rate,
  avg(close_value) filter (where deal_stage = 'Won') as average_won,
  count(*) filter (where deal_stage <> 'Prospecting') as reached_engaging
from sales_pipeline;
select percentile_cont(0.5) within group (order by close_date - engage_date) as cycle_median
from sales_pipeline where deal_stage = 'Won' and close_date >= engage_date;
select s.deal_stage, count(*) as deals, sum(p.sales_price) as amount,
  sum(p.sales_price) * case s.deal_stage when 'Prospecting' then 0.33 else 0.67 end as weighted
from sales_pipeline s left join products p on replace(p.product, ' ', '') = replace(s.product, ' ', '')
where s.deal_stage in ('Prospecting', 'Engaging') group by s.deal_stage;
create temp table engaging_time as
select percentile_cont(array[0.5, 0.75, 0.9]) within group (order by close_date - engage_date) as q, count(*) as n
from sales_pipeline where deal_stage in ('Won', 'Lost') and close_date >= engage_date;
select * from engaging_time;
select count(*) as stuck from sales_pipeline, engaging_time
where deal_stage = 'Engaging' and (timestamptz ${quoted(now)} - engage_date::timestamptz) > q[3] * interval '1 day';
select opportunity_id, account, sales_agent, date_part('day', timestamptz ${quoted(now)} - engage_date::timestamptz) as days
from sales_pipeline, engaging_time
where deal_stage = 'Engaging' and (timestamptz ${quoted(now)} - engage_date::timestamptz) > q[3] * interval '1 day'
order by days desc, opportunity_id limit 10;
select w, count(*) as closed, 100.0 * count(*) filter (where deal_stage = 'Won') / count(*) as win_rate,
  avg(close_value) filter (where deal_stage = 'Won') as average_won,
  percentile_cont(0.5) within group (order by close_date - engage_date) filter (where deal_stage = 'Won') as cycle
from (select *, case when close_date > date ${quoted(now)} - 90 then 'current' else 'previous' end as w
  from sales_pipeline where deal_stage in ('Won', 'Lost') and close_date > date ${quoted(now)} - 180) closed
group by w;
`;
}

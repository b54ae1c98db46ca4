import type { CSSProperties, ReactNode } from 'react'

/** The cell style of the ledger panels' tables (Distribution, Kanalstatus). */
export const cell: CSSProperties = {
  padding: '0.4rem 0.6rem',
  borderBottom: '1px solid var(--theme-elevation-100)',
  textAlign: 'left',
  verticalAlign: 'top',
}

/** A scrollable table with a caption and one header row, as the ledger panels show them. */
export function PanelTable(props: {
  caption: ReactNode
  columns: readonly string[]
  children: ReactNode
}) {
  return (
    <div style={{ overflowX: 'auto' }}>
      <table style={{ width: '100%', borderCollapse: 'collapse' }}>
        <caption style={{ textAlign: 'left', paddingBottom: '0.5rem' }}>{props.caption}</caption>
        <thead>
          <tr style={{ background: 'var(--theme-elevation-50)' }}>
            {props.columns.map((column) => (
              <th key={column} scope="col" style={cell}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  )
}

import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import './fonts.css'
import './styles.css'
import './field.css'

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App bridge={window.unmask} />
  </StrictMode>,
)

/** Entry point: mounts the dashboard inside its query cache and the signed-in account. */
import { QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.tsx";
import { AuthProvider } from "./auth.tsx";
import { ForgetOtherAccounts, makeQueryClient } from "./queries.ts";
import "./styles.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
const queryClient = makeQueryClient();
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <AuthProvider>
        <ForgetOtherAccounts />
        <App />
      </AuthProvider>
    </QueryClientProvider>
  </StrictMode>,
);

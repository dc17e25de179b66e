import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import * as React from "react";
import * as jsxRuntime from "react/jsx-runtime";
import { Link, useLocation } from "wouter";
import { api, ApiError, list } from "./api";
import type { ADMIN_EXPORTS } from "./extension-api";
import { formatMoney } from "./money";
import { Field, FormError, SelectField, TextField } from "./ui/form";
import { formatDate, ResourceList, Status } from "./ui/list";

/** `kiosk/admin` as an extension imports it: the dashboard's own API client and building blocks. */
const admin = {
  api,
  ApiError,
  list,
  formatMoney,
  formatDate,
  ResourceList,
  Status,
  Field,
  TextField,
  SelectField,
  FormError,
  useQuery,
  useMutation,
  useQueryClient,
  Link,
  useLocation,
} satisfies Record<(typeof ADMIN_EXPORTS)[number], unknown>;

// Read by the shims the import map points `react`, `react/jsx-runtime` and `kiosk/admin` at.
(globalThis as Record<string, unknown>).__kioskAdmin = { react: React, jsxRuntime, admin };

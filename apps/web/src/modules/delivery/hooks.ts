import { App, type FormInstance } from 'antd';
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useApiErrorHandler } from '../../shared/hooks/useApiErrorHandler';
import { DELIVERY_ROOT_KEYS } from './api';

/** A change refreshes the project page, lists, the portfolio, "my work" and notifications together. */
export function invalidateDelivery(queryClient: QueryClient): void {
  for (const key of DELIVERY_ROOT_KEYS) void queryClient.invalidateQueries({ queryKey: [...key] });
}

type Options<R> = { success?: string; form?: FormInstance; onDone?: (result: R) => void };

/** A write to the API: on success everything shown is refreshed and the user told; errors land on the form. */
export function useDeliveryMutation<V, R>(fn: (vars: V) => Promise<R>, options: Options<R> = {}) {
  const queryClient = useQueryClient();
  const handleError = useApiErrorHandler();
  const { message } = App.useApp();
  return useMutation({
    mutationFn: fn,
    onSuccess: (result) => {
      invalidateDelivery(queryClient);
      if (options.success) void message.success(options.success);
      options.onDone?.(result);
    },
    onError: (err) => handleError(err, { form: options.form, onConflict: () => invalidateDelivery(queryClient) }),
  });
}

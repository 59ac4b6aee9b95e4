;;; referat.el --- The Emacs configuration from the README, as the test uses it.
;; Only the command differs: the test runs this checkout's bundle, `node dist/server.js --stdio'
;; (from REFERAT_SERVER_CMD), where the README runs the installed `referat-language-server --stdio'.
(defvar referat-test-server-command
  (let ((cmd (getenv "REFERAT_SERVER_CMD")))
    (if cmd (split-string cmd " ") '("referat-language-server" "--stdio"))))

;; README: begin
(define-derived-mode referat-mode text-mode "Referat")
(add-to-list 'auto-mode-alist '("\\.referat\\(\\.txt\\|\\.md\\)?\\'" . referat-mode))
(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs `(referat-mode . ,referat-test-server-command)))
(add-hook 'referat-mode-hook #'eglot-ensure)   ; eller M-x eglot
;; README: end
